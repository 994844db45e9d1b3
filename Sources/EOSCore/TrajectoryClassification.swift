/// The long-run behaviour of a discrete dynamical system xₜ₊₁ = F(xₜ), e.g. the iterates of
/// gradient descent, as read off a finite run by `TrajectoryClassification`.
public enum TrajectoryBehaviour: Sendable, Equatable, CustomStringConvertible {
    /// ‖xₜ₊₁ − xₜ‖ ≤ threshold over the whole tail; `point` is the last state.
    case converged(point: [Double])
    /// Smallest p ∈ 2…maxPeriod with ‖xₜ₊ₚ − xₜ‖ ≤ threshold over the tail. `orbit` holds the
    /// last p states in time order; `amplitude` is the largest distance between two of them.
    case periodic(period: Int, orbit: [[Double]], amplitude: Double)
    /// Bounded, but no period ≤ maxPeriod fits (chaotic, quasi-periodic, or converging too
    /// slowly for the tolerance). `spread` is the diagonal of the tail's bounding box.
    case boundedAperiodic(spread: Double)
    /// The first state (index in the run, the initial state being step 0) with a non-finite
    /// component or a component of magnitude above the bound.
    case diverged(step: Int)

    /// The period: 1 for a fixed point, p for a p-cycle, nil otherwise.
    public var period: Int? {
        switch self {
        case .converged: return 1
        case let .periodic(p, _, _): return p
        case .boundedAperiodic, .diverged: return nil
        }
    }

    /// The orbit: the fixed point as a one-point orbit, the cycle, or nil.
    public var orbit: [[Double]]? {
        switch self {
        case let .converged(point): return [point]
        case let .periodic(_, orbit, _): return orbit
        case .boundedAperiodic, .diverged: return nil
        }
    }

    public var description: String {
        switch self {
        case let .converged(point):
            return "converged to \(point)"
        case let .periodic(p, orbit, amplitude):
            return "period-\(p) orbit \(orbit), amplitude \(amplitude)"
        case let .boundedAperiodic(spread):
            return "bounded aperiodic, spread \(spread)"
        case let .diverged(step):
            return "diverged at step \(step)"
        }
    }
}

/// Classification of a finite run of a discrete dynamical system (batch, streaming, or by
/// iterating a map).
///
/// The rule, with x₀, …, x_T the states and ‖·‖ the Euclidean norm:
/// 1. **Diverged** at the first step t where some component of xₜ is NaN/±∞ or has magnitude
///    above `bound`.
/// 2. Otherwise take the last L = min(`tail`, T + 1) states. With S = max ‖xₜ‖ over them and the
///    threshold τ = `relativeTolerance` · S + `absoluteTolerance`, find the smallest
///    p ∈ 1…`maxPeriod` with L ≥ 2p such that ‖xₜ₊ₚ − xₜ‖ ≤ τ for every pair t, t + p in the
///    tail (so each phase of the cycle is compared at least once). p = 1 → **converged**,
///    p ≥ 2 → **periodic**.
/// 3. Otherwise **bounded aperiodic**.
///
/// Caveats: a finite run cannot tell a slowly converging orbit from an aperiodic one, nor a
/// period above `maxPeriod` from chaos; a trajectory still in its transient is classified by
/// its tail as it is. Run long enough that the transient (≈ log τ / log |multiplier| steps)
/// has died out.
public enum TrajectoryClassification {
    /// Parameters of the classification rule.
    public struct Options: Sendable, Equatable {
        /// Number of final states inspected (L). At least 2 · `maxPeriod`.
        public var tail: Int
        /// Largest period tested.
        public var maxPeriod: Int
        /// Relative part of the recurrence threshold, scaled by the largest state norm in the tail.
        public var relativeTolerance: Double
        /// Absolute part of the threshold, so that convergence to 0 can be recognised.
        public var absoluteTolerance: Double
        /// A component with |xₖ| > `bound` counts as divergence.
        public var bound: Double

        /// - Precondition: 1 ≤ maxPeriod, tail ≥ 2 · maxPeriod, tolerances ≥ 0, bound > 0.
        public init(tail: Int = 64, maxPeriod: Int = 16, relativeTolerance: Double = 1e-6,
                    absoluteTolerance: Double = 1e-12, bound: Double = 1e12) {
            precondition(maxPeriod >= 1, "maxPeriod must be ≥ 1")
            precondition(tail >= 2 * maxPeriod, "tail (\(tail)) must be ≥ 2 · maxPeriod (\(maxPeriod))")
            precondition(relativeTolerance >= 0 && absoluteTolerance >= 0, "tolerances must be ≥ 0")
            precondition(bound > 0, "bound must be positive")
            self.tail = tail
            self.maxPeriod = maxPeriod
            self.relativeTolerance = relativeTolerance
            self.absoluteTolerance = absoluteTolerance
            self.bound = bound
        }
    }

    /// Classify a run of vector states (all of one dimension).
    ///
    /// - Precondition: at least 2 states, all of the same dimension ≥ 1.
    /// - Complexity: O(T n) for the divergence scan plus O(maxPeriod · L · n) for the periods.
    public static func classify(_ states: [[Double]], options: Options = Options()) -> TrajectoryBehaviour {
        precondition(states.count >= 2, "Need at least 2 states to classify a trajectory")
        let n = states[0].count
        precondition(n >= 1 && states.allSatisfy { $0.count == n }, "States must share one dimension ≥ 1")
        for (t, x) in states.enumerated() where !DivergenceGuard.isHealthy(x, bound: options.bound) {
            return .diverged(step: t)
        }
        let tail = states.suffix(options.tail)
        var flat: [Double] = []
        flat.reserveCapacity(tail.count * n)
        for x in tail { flat.append(contentsOf: x) }
        return classifyTail(flat, count: tail.count, dimension: n, options: options)
    }

    /// Classify a run of scalar states (a 1-D map).
    ///
    /// - Precondition: at least 2 states.
    public static func classify(scalars states: [Double], options: Options = Options()) -> TrajectoryBehaviour {
        precondition(states.count >= 2, "Need at least 2 states to classify a trajectory")
        for (t, x) in states.enumerated() where !(x.isFinite && abs(x) <= options.bound) {
            return .diverged(step: t)
        }
        return classifyTail(Array(states.suffix(options.tail)), count: min(states.count, options.tail),
                            dimension: 1, options: options)
    }

    /// Iterate a 1-D map x ↦ F(x) for `steps` steps from x₀ and classify the run.
    ///
    /// Returns the states x₀, …, x_steps, cut short at the first diverged state (included).
    /// - Precondition: steps ≥ 1.
    public static func iterate(_ map: (Double) -> Double, from x0: Double, steps: Int,
                               options: Options = Options()) -> (states: [Double], behaviour: TrajectoryBehaviour) {
        precondition(steps >= 1, "Need at least one step")
        var states = [x0]
        states.reserveCapacity(steps + 1)
        var x = x0
        var guardian = DivergenceGuard(bound: options.bound)
        if guardian.check(step: 0, value: x) {
            for t in 1...steps {
                x = map(x)
                states.append(x)
                if !guardian.check(step: t, value: x) { break }
            }
        }
        if let step = guardian.divergedAt { return (states, .diverged(step: step)) }
        return (states, classify(scalars: states, options: options))
    }

    /// Iterate a 1-D map x ↦ F(x) for `steps` steps from x₀ and classify the run, keeping only
    /// the last `tail` states (a ring buffer of scalars); stops at divergence.
    ///
    /// Same result as `iterate(_:from:steps:options:).behaviour` with O(tail) memory.
    /// - Precondition: steps ≥ 1.
    public static func classifyMap(_ map: (Double) -> Double, from x0: Double, steps: Int,
                                   options: Options = Options()) -> TrajectoryBehaviour {
        precondition(steps >= 1, "Need at least one step")
        let capacity = options.tail
        var ring = [Double](repeating: 0, count: capacity)
        var guardian = DivergenceGuard(bound: options.bound)
        var x = x0
        guard guardian.check(step: 0, value: x) else { return .diverged(step: 0) }
        ring[0] = x
        for t in 1...steps {
            x = map(x)
            guard guardian.check(step: t, value: x) else { return .diverged(step: t) }
            ring[t % capacity] = x
        }
        let count = steps + 1
        let L = min(count, capacity)
        let tail = (0..<L).map { ring[(count - L + $0) % capacity] }
        return classifyTail(tail, count: L, dimension: 1, options: options)
    }

    /// Iterate a map on ℝⁿ for `steps` steps from x₀ and classify the run: the behaviour of
    /// `iterate(_:from:steps:options:)` for maps on ℝⁿ.
    public static func classifyMap(_ map: ([Double]) -> [Double], from x0: [Double], steps: Int,
                                   options: Options = Options()) -> TrajectoryBehaviour {
        iterate(map, from: x0, steps: steps, options: options).behaviour
    }

    /// Iterate a map on ℝⁿ for `steps` steps from x₀ and classify the run, keeping only the
    /// tail in memory (a `TrajectoryMonitor`); stops at divergence.
    ///
    /// Returns the last state computed and the behaviour.
    /// - Precondition: steps ≥ 1, the map preserves the dimension.
    public static func iterate(_ map: ([Double]) -> [Double], from x0: [Double], steps: Int,
                               options: Options = Options()) -> (last: [Double], behaviour: TrajectoryBehaviour) {
        precondition(steps >= 1, "Need at least one step")
        var monitor = TrajectoryMonitor(options: options)
        var x = x0
        if monitor.record(x) {
            for _ in 0..<steps {
                x = map(x)
                if !monitor.record(x) { break }
            }
        }
        return (x, monitor.behaviour)
    }

    /// Steps 2–3 of the rule on L finite, bounded states stored row-major in `flat` (L × n).
    static func classifyTail(_ flat: [Double], count L: Int, dimension n: Int,
                             options: Options) -> TrajectoryBehaviour {
        precondition(flat.count == L * n && L >= 2)
        return flat.withUnsafeBufferPointer { s -> TrajectoryBehaviour in
            @inline(__always) func distanceSquared(_ t: Int, _ u: Int) -> Double {
                var d = 0.0
                let bt = t * n, bu = u * n
                for k in 0..<n { let y = s[bt + k] - s[bu + k]; d += y * y }
                return d
            }
            var scaleSquared = 0.0
            for t in 0..<L {
                var q = 0.0
                for k in 0..<n { q += s[t * n + k] * s[t * n + k] }
                scaleSquared = max(scaleSquared, q)
            }
            let threshold = options.relativeTolerance * scaleSquared.squareRoot() + options.absoluteTolerance
            let thresholdSquared = threshold * threshold

            let largestTestable = min(options.maxPeriod, L / 2)
            if largestTestable >= 1 {
                for p in 1...largestTestable {
                    var recurs = true
                    for t in 0..<(L - p) where distanceSquared(t, t + p) > thresholdSquared {
                        recurs = false
                        break
                    }
                    guard recurs else { continue }
                    let orbit = (L - p..<L).map { t in Array(s[(t * n)..<((t + 1) * n)]) }
                    if p == 1 { return .converged(point: orbit[0]) }
                    var amplitudeSquared = 0.0
                    for i in (L - p)..<L {
                        for j in (i + 1)..<L { amplitudeSquared = max(amplitudeSquared, distanceSquared(i, j)) }
                    }
                    return .periodic(period: p, orbit: orbit, amplitude: amplitudeSquared.squareRoot())
                }
            }
            // Bounding-box diagonal ‖max − min‖₂: diameter ≤ spread ≤ √n · diameter.
            var spreadSquared = 0.0
            for k in 0..<n {
                var lo = s[k], hi = s[k]
                for t in 1..<L { lo = min(lo, s[t * n + k]); hi = max(hi, s[t * n + k]) }
                spreadSquared += (hi - lo) * (hi - lo)
            }
            return .boundedAperiodic(spread: spreadSquared.squareRoot())
        }
    }
}

/// A streaming divergence test for an iteration loop: a state is healthy while every
/// component is finite with magnitude ≤ `bound`.
///
/// ```swift
/// var guardian = DivergenceGuard(bound: 1e12)
/// for t in 0..<steps {
///     x = gdStep(x)
///     guard guardian.check(step: t + 1, state: x) else { break }   // stop early
/// }
/// ```
/// Once a check fails, `divergedAt` keeps the first failing step and every later check
/// returns false. Cost O(n) per check, no allocation.
public struct DivergenceGuard: Sendable, Equatable {
    /// Magnitude above which a component counts as diverged.
    public var bound: Double
    /// The step of the first failed check, if any.
    public private(set) var divergedAt: Int?

    public init(bound: Double = 1e12) {
        self.bound = bound
        self.divergedAt = nil
    }

    /// Whether every component of `state` is finite with |xₖ| ≤ bound.
    public static func isHealthy(_ state: [Double], bound: Double) -> Bool {
        state.withUnsafeBufferPointer { s in
            for x in s where !(x.isFinite && abs(x) <= bound) { return false }
            return true
        }
    }

    /// Record `state` at `step`; returns true while the run is healthy (continue), false from
    /// the first diverged state on (stop).
    @discardableResult
    public mutating func check(step: Int, state: [Double]) -> Bool {
        if divergedAt != nil { return false }
        if DivergenceGuard.isHealthy(state, bound: bound) { return true }
        divergedAt = step
        return false
    }

    /// `check(step:state:)` for a matrix-shaped state (its elements).
    @discardableResult
    public mutating func check(step: Int, state: Matrix) -> Bool {
        check(step: step, state: state.storage)
    }

    /// `check(step:state:)` for a scalar state.
    @discardableResult
    public mutating func check(step: Int, value: Double) -> Bool {
        if divergedAt != nil { return false }
        if value.isFinite && abs(value) <= bound { return true }
        divergedAt = step
        return false
    }
}

/// The streaming form of `TrajectoryClassification.classify`: record the states of a run one
/// at a time (the n-th call to `record` is step n − 1, the first being the initial state),
/// keeping only the last `tail` of them in a contiguous ring buffer; read `behaviour` at
/// any time after two states.
///
/// `record` returns false once the run has diverged (and ignores further states), so a GD
/// loop can stop early. Memory O(tail · n); `record` is O(n) with no allocation after the first.
public struct TrajectoryMonitor: Sendable {
    public let options: TrajectoryClassification.Options
    /// Number of states recorded (including a diverged one).
    public private(set) var count: Int = 0
    /// The dimension n, fixed by the first state.
    public private(set) var dimension: Int = 0
    private var ring: [Double] = []
    private var divergenceGuard: DivergenceGuard

    public init(options: TrajectoryClassification.Options = .init()) {
        self.options = options
        self.divergenceGuard = DivergenceGuard(bound: options.bound)
    }

    /// Record the next state; returns true while the run is healthy.
    /// - Precondition: every state has the dimension of the first, ≥ 1.
    @discardableResult
    public mutating func record(_ state: [Double]) -> Bool {
        if divergenceGuard.divergedAt != nil { return false }
        if count == 0 {
            precondition(!state.isEmpty, "States must have dimension ≥ 1")
            dimension = state.count
            ring = [Double](repeating: 0, count: options.tail * dimension)
        }
        precondition(state.count == dimension, "State dimension changed from \(dimension) to \(state.count)")
        let step = count
        count += 1
        guard divergenceGuard.check(step: step, state: state) else { return false }
        let base = (step % options.tail) * dimension
        let n = dimension
        ring.withUnsafeMutableBufferPointer { r in
            state.withUnsafeBufferPointer { x in
                for k in 0..<n { r[base + k] = x[k] }
            }
        }
        return true
    }

    /// The step at which the run diverged, if it did.
    public var divergedAt: Int? { divergenceGuard.divergedAt }

    /// The classification of the states recorded so far.
    /// - Precondition: at least 2 states recorded (or a divergence).
    public var behaviour: TrajectoryBehaviour {
        if let step = divergenceGuard.divergedAt { return .diverged(step: step) }
        precondition(count >= 2, "Need at least 2 states to classify a trajectory")
        let L = min(count, options.tail)
        let n = dimension
        // Unroll the ring into time order: the oldest kept state is step count − L.
        var flat = [Double](repeating: 0, count: L * n)
        for i in 0..<L {
            let slot = ((count - L + i) % options.tail) * n
            for k in 0..<n { flat[i * n + k] = ring[slot + k] }
        }
        return TrajectoryClassification.classifyTail(flat, count: L, dimension: n, options: options)
    }
}
