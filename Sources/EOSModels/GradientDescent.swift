import EOSCore

/// Full-batch gradient descent θ_{t+1} = θ_t − η ∇f(θ_t) (DLN-EOS Eq. 2) with a constant
/// learning rate, and a recorder of what a claim needs.
///
/// A value type holding the configuration; `run` performs the iteration:
///
/// - the loss f(θ_t) at every step t = 0, 1, …, T (it comes free with the gradient);
/// - named observables θ ↦ ℝ and an optional sharpness θ ↦ λ_max(∇²f(θ)) at the recorded
///   steps t ≡ 0 (mod `recordEvery`) and at the last step (the caller supplies the sharpness,
///   e.g. Lanczos on `loss.hessianOperator(at:)` or a dense eigensolver on `DenseHessian`);
/// - the final iterate and the last `tailLength` iterates, for orbit classification
///   (`TrajectoryClassification`).
///
/// **Divergence.** The run stops at the first step t where θ_t has a non-finite component or
/// one of magnitude above `parameterBound` (as `DivergenceGuard`), or f(θ_t) is non-finite or
/// above `lossBound`. The outcome is then `.diverged(atStep: t)` and every recorded series
/// ends at step t − 1: no NaN or ∞ produced by the iteration is ever returned as data.
///
/// **Cost.** One gradient evaluation per step, plus the observables and sharpness at the
/// recorded steps. The loop itself allocates nothing per step (the gradient is written into
/// one buffer by `loss.makeGradientEvaluator()`, the tail is a preallocated ring) apart from
/// the amortised growth of the loss series.
public struct GradientDescent: Sendable, Equatable {
    /// η > 0.
    public var learningRate: Double
    /// T: the run visits θ_0, …, θ_T (T updates) unless it diverges first.
    public var steps: Int
    /// Observables and sharpness are evaluated at the steps t with t % recordEvery == 0, and at T.
    public var recordEvery: Int
    /// How many final iterates to keep (≥ 1).
    public var tailLength: Int
    /// |θ_i| above this counts as divergence.
    public var parameterBound: Double
    /// f(θ) above this counts as divergence (default: only ∞/NaN).
    public var lossBound: Double

    /// - Precondition: η > 0 finite, steps ≥ 0, recordEvery ≥ 1, tailLength ≥ 1, bounds > 0.
    public init(learningRate: Double, steps: Int, recordEvery: Int = 1, tailLength: Int = 256,
                parameterBound: Double = 1e12, lossBound: Double = .greatestFiniteMagnitude) {
        precondition(learningRate > 0 && learningRate.isFinite, "learning rate must be positive and finite")
        precondition(steps >= 0, "steps must be ≥ 0")
        precondition(recordEvery >= 1, "recordEvery must be ≥ 1")
        precondition(tailLength >= 1, "tailLength must be ≥ 1")
        precondition(parameterBound > 0 && lossBound > 0, "bounds must be positive")
        self.learningRate = learningRate
        self.steps = steps
        self.recordEvery = recordEvery
        self.tailLength = tailLength
        self.parameterBound = parameterBound
        self.lossBound = lossBound
    }

    /// A named scalar function of the parameters, recorded along the run.
    public struct Observable {
        public let name: String
        public let evaluate: ([Double]) -> Double

        public init(_ name: String, _ evaluate: @escaping ([Double]) -> Double) {
            self.name = name
            self.evaluate = evaluate
        }
    }

    /// How a run ended.
    public enum Outcome: Sendable, Equatable, CustomStringConvertible {
        /// All T steps were taken.
        case completed
        /// θ_t or f(θ_t) was non-finite or out of bounds at this step t (t ≥ 0).
        case diverged(atStep: Int)

        public var description: String {
            switch self {
            case .completed: return "completed"
            case let .diverged(t): return "diverged at step \(t)"
            }
        }
    }

    /// The record of one run. All series contain healthy (finite, in-bound) data only.
    public struct Run: Sendable {
        /// The configuration that produced the run.
        public let configuration: GradientDescent
        public let outcome: Outcome
        /// f(θ_t) for t = 0, 1, …, `lastStep`.
        public let losses: [Double]
        /// The steps at which observables and sharpness were evaluated, increasing.
        public let recordedSteps: [Int]
        /// Observable name ↦ its values at `recordedSteps`.
        public let observations: [String: [Double]]
        /// The observable names in the order given.
        public let observableNames: [String]
        /// The sharpness at `recordedSteps` (empty if no sharpness closure was given).
        public let sharpness: [Double]
        /// θ at `lastStep` (θ_0 if the run diverged at step 0).
        public let finalParameters: [Double]
        /// The last min(`tailLength`, lastStep + 1) iterates in time order, ending with
        /// θ_{lastStep}.
        public let tail: [[Double]]

        /// The last healthy step (T if completed, t − 1 if diverged at t; −1 if diverged at 0).
        public var lastStep: Int { losses.count - 1 }
        /// The step of `tail[0]`.
        public var tailStartStep: Int { lastStep - tail.count + 1 }
        /// The divergence step, or nil if the run completed.
        public var divergenceStep: Int? {
            if case let .diverged(t) = outcome { return t }
            return nil
        }
        /// f at `lastStep` (nil if the run diverged at step 0).
        public var finalLoss: Double? { losses.last }
    }

    /// Run GD on `loss` from θ_0.
    ///
    /// - Parameters:
    ///   - observables: recorded at the recorded steps; names must be distinct.
    ///   - sharpness: recorded at the recorded steps.
    /// - Precondition: θ_0 has `loss.dimension` finite entries.
    public func run<Loss: DifferentiableLoss>(_ loss: Loss, from θ0: [Double],
                                              observables: [Observable] = [],
                                              sharpness: (([Double]) -> Double)? = nil) -> Run {
        let n = loss.dimension
        precondition(θ0.count == n, "θ₀ has \(θ0.count) entries, expected \(n)")
        precondition(θ0.allSatisfy { $0.isFinite }, "θ₀ must be finite")
        precondition(Set(observables.map(\.name)).count == observables.count, "Observable names must be distinct")

        let evaluate = loss.makeGradientEvaluator()
        let eta = learningRate
        var θ = θ0
        var g = [Double](repeating: 0, count: n)
        var losses: [Double] = []
        losses.reserveCapacity(min(steps + 1, 1 << 20))
        var recorded: [Int] = []
        var values = [[Double]](repeating: [], count: observables.count)
        var sharp: [Double] = []
        var ring = [Double](repeating: 0, count: tailLength * n)
        var outcome = Outcome.completed

        for t in 0...steps {
            guard DivergenceGuard.isHealthy(θ, bound: parameterBound) else {
                outcome = .diverged(atStep: t); break
            }
            let f = evaluate(θ, gradient: &g)
            guard f.isFinite && f <= lossBound else {
                outcome = .diverged(atStep: t); break
            }
            losses.append(f)
            let slot = (t % tailLength) * n
            ring.withUnsafeMutableBufferPointer { r in
                θ.withUnsafeBufferPointer { x in
                    (r.baseAddress! + slot).update(from: x.baseAddress!, count: n)
                }
            }
            if t % recordEvery == 0 || t == steps {
                recorded.append(t)
                for (k, o) in observables.enumerated() { values[k].append(o.evaluate(θ)) }
                if let s = sharpness { sharp.append(s(θ)) }
            }
            if t == steps { break }
            θ.withUnsafeMutableBufferPointer { x in
                g.withUnsafeBufferPointer { gp in
                    for i in 0..<n { x[i] -= eta * gp[i] }
                }
            }
        }

        let last = losses.count - 1
        let kept = min(tailLength, losses.count)
        let tail = (0..<kept).map { j -> [Double] in
            let slot = ((last - kept + 1 + j) % tailLength) * n
            return Array(ring[slot..<(slot + n)])
        }
        var observations: [String: [Double]] = [:]
        for (k, o) in observables.enumerated() { observations[o.name] = values[k] }
        return Run(configuration: self, outcome: outcome, losses: losses, recordedSteps: recorded,
                   observations: observations, observableNames: observables.map(\.name),
                   sharpness: sharp, finalParameters: tail.last ?? θ0, tail: tail)
    }
}
