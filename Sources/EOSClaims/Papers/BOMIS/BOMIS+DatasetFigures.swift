extension BOMISClaims {
    /// Figure 1 (l.57): MLP penultimate layer (top) vs DLN last layer (bottom).
    static let fig1 = Claim(
        notCheckableOffline: "BOMIS.Fig1",
        title: "MLP penultimate layer vs DLN last layer: loss oscillations follow the dominant singular values, singular vectors nearly invariant",
        source: ClaimSource(seed: Seed.bomis, statement: "Figure 1", lines: 57...57),
        statement: """
        Figure 1: Similarities in the learning behaviors between deep nonlinear and linear networks. Top row: dynamics \
        for the penultimate layer of a MLP. Bottom row: dynamics of the last layer of a DLN. Both networks show that the \
        oscillations in the training loss are a consequence of movements in the dominant singular values, while the \
        singular vectors remain approximately invariant across time.
        """,
        dataset: "an image-classification dataset for the MLP row (not named; Sec. 4.2 uses CIFAR-10 and MNIST)")

    /// Figure 9 (l.393; setting l.383–418 of the file).
    static let fig9 = Claim(
        notCheckableOffline: "BOMIS.Fig9",
        title: "4-layer ReLU MLP (width 200, MSE) on 20k CIFAR-10 / MNIST: sharpness about 2/η, top-5 singular values oscillate (damped)",
        source: ClaimSource(seed: Seed.bomis, statement: "Figure 9 (Sec. 4.2)", lines: 383...418),
        statement: """
        Figure 9: Prevalence of oscillatory behaviors and singular vector invariance in 4-layer networks with ReLU \
        activations. [4-layer MLP, hidden size 200, ReLU, MSE loss (7) on one-hot labels, 20k-subsampled CIFAR-10 and \
        MNIST, a large learning rate; loss, sharpness, singular values of W3, W2, W1 and the subspace distance (8).]
        """,
        dataset: "CIFAR-10 and MNIST (20k subsamples)")

    /// Sec. 4.2 (l.409–418 of the file): the nonlinear networks vs DLNs.
    static let sec42Claim1 = Claim(
        notCheckableOffline: "BOMIS.Sec4.2-claim1",
        title: "for the 4-layer ReLU MLPs the sharpness hovers around 2/η, the top-5 singular values oscillate (damped), the last 5 stay at their initial values",
        source: ClaimSource(seed: Seed.bomis, statement: "Sec. 4.2, prose on Figure 9", lines: 409...418),
        statement: """
        In Figure 9, we observe that for both the MNIST and CIFAR-10 datasets, the training loss and accuracy demonstrate \
        significant benign oscillatory behavior, and the sharpness value hovers around 2/η. […] Similar to DLNs, damped \
        oscillations occur in the top 5 singular values, while the last 5 singular values remain the same as they were at \
        initialization. […] with two exceptions: (i) damped oscillations occur in the singular values for nonlinear \
        networks, as opposed to free oscillations in linear networks; and (ii) the singular vector subspace shows \
        momentary spiking in nonlinear networks, whereas it remains zero throughout in linear networks.
        """,
        dataset: "CIFAR-10 and MNIST (20k subsamples)")

    /// Figures 15–18 (l.753–768 of the file; App. B.3 l.744–747).
    static let fig15 = mlpFigure(15, layers: 4, data: "CIFAR-10", line: 753)
    static let fig16 = mlpFigure(16, layers: 4, data: "MNIST", line: 758)
    static let fig17 = mlpFigure(17, layers: 6, data: "CIFAR-10", line: 763)
    static let fig18 = mlpFigure(18, layers: 6, data: "MNIST", line: 768)

    private static func mlpFigure(_ n: Int, layers: Int, data: String, line: Int) -> Claim {
        Claim(
            notCheckableOffline: "BOMIS.Fig\(n)",
            title: "\(layers)-layer ReLU MLP on \(data) (20k) at various η: the layers' singular values oscillate",
            source: ClaimSource(seed: Seed.bomis, statement: "Figure \(n) (App. B.3)", lines: line...line),
            statement: """
            Figure \(n): Oscillations in singular values of layers in \(layers) layer MLP with ReLU activations trained on \
            \(data) dataset (20k) at various learning rates.
            """,
            dataset: "\(data) (20k subsample)")
    }
}
