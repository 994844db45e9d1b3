import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// Equation (7) (l.395–399 of the file): the MSE loss of the 4-layer ReLU MLPs of Sec. 4.2.
    static let eq7 = Claim(
        notCheckableOffline: "BOMIS.Eq7",
        title: "MLP loss ‖Y − W_4ρ(W_3ρ(W_2ρ(W_1X)))‖²_F on one-hot labels (Sec. 4.2 experiments)",
        source: ClaimSource(seed: Seed.bomis, statement: "Equation (7)", lines: 395...399),
        statement: """
        As the loss function, we use the MSE loss by converting the ground-truth labels into one-hot vectors: \
        L(W_4, W_3, W_2, W_1) = ‖Y − W_4ρ(W_3ρ(W_2ρ(W_1X)))‖²_F (7), where ρ(·) is the ReLU function, X and Y are the \
        data and labels stacked as matrices, respectively.
        """,
        dataset: "CIFAR-10 and MNIST (20k subsamples): (7) is the training objective of the Sec. 4.2 experiments on them")
}
