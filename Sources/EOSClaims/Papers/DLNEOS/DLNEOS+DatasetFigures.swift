extension DLNEOSClaims {
    /// Figure 10 (l.745–761; described l.674–703): UNet on natural images, 2-layer MLP on CIFAR-10.
    static let fig10 = Claim(
        notCheckableOffline: "DLN-EOS.Fig10",
        title: "mild sharpening: UNet on low/high-frequency images and a 2-layer MLP on N = 100, 200, > 1000 CIFAR-10 images",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 10", lines: 745...761),
        statement: """
        Figure 10: Illustration of Caveat 2 by Cohen et al. (2021) on how mild sharpening occurs on simple datasets and \
        network. (a) Regression task showing the evolution of the sharpness when an UNet (with fixed initialization) is \
        trained to fit a single image shown in (b). (c) Evolution of the minimal progressive sharpening on a \
        classification task of a 2-layer MLP trained on a subset of CIFAR-10. [(a) SGD η = 2 × 10⁻⁴; (c) η = 10⁻².]
        """,
        dataset: "natural images (UNet targets of panel b) and CIFAR-10")

    /// Figure 19 (l.1301–1302; setting l.1288–1299).
    static let fig19 = Claim(
        notCheckableOffline: "DLN-EOS.Fig19",
        title: "3-layer bias-free MLP (1000 units) on 5K MNIST, η = 4: loss, top-5 singular values and sharpness oscillate almost periodically",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 19 (setting App. B.4)", lines: 1288...1302),
        statement: """
        Figure 19: Plot of the training loss, singular values, and sharpness for an MLP network with no bias. Similar to \
        the DLN case, there are oscillations in each of the plots throughout iterations. [3-layer MLP without bias, 1000 \
        hidden units, MSE, η = 4, weights scaled by α = 0.01, full-batch GD on a 5K subset of MNIST.]
        """,
        dataset: "MNIST (5K subset)")

    /// Figure 20 (l.1324–1325; setting l.1316–1320).
    static let fig20 = Claim(
        notCheckableOffline: "DLN-EOS.Fig20",
        title: "4-layer ReLU MLPs (width 200) on 20K MNIST and CIFAR-10: loss oscillations come from jumps of the top singular values",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 20 (setting App. B.4)", lines: 1316...1325),
        statement: """
        Figure 20: Prevalence of oscillatory behaviors in top subspaces in 4-layer networks with ReLU activations on two \
        different datasets. [4-layer ReLU MLP, hidden size 200, subsampled 20K MNIST and CIFAR-10; the oscillations in the \
        training loss are artifacts of jumps only in the top singular values.]
        """,
        dataset: "MNIST and CIFAR-10 (20K subsamples)")
}
