import Foundation
import EOSCore

extension WorstCaseReturn {
    /// G(h) = f_h(M(h)) with M(h) = max_{[0,1]} f_h found by global 1-D maximisation (no boundary
    /// formulas): the quantity whose sign decides two-step return (Lemma F.2, Def. F.3 [R]).
    static func returnMargin(depth: Int, h: Double) throws -> Double {
        let f = DeepChainReturnMap(depth: depth, h: h)
        return f(try f.worstOvershoot().value)
    }
}

extension MPDLNClaims {
    /// Eq. (70), l.528–532: the mode-wise recursion and its one-path reduction to the deep chain.
    static let equationF70 = Claim(
        id: "MPDLN.EqF70",
        title: "when the mode concentrates in one pathway, r ≈ a^L − s and the dominant per-layer scalar follows the deep-chain map (19) [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eq. (70) and App. F.1", lines: 528...532),
        statement: """
        On the SVS set restricted to the depth-balanced manifold, each pathway–mode pair admits a per-layer scalar \
        a_{k,i} whose end-to-end singular value is a_{k,i}^L. The corresponding mode-wise GD recursion is (70). If, \
        during symmetry breaking, the dominant mode is concentrated in one pathway so that Σ_kσ_{k,i} ≈ a^L, then the \
        residual satisfies r ≈ a^L − s. Substituting this into (70) yields the single-variable deep-chain map \
        w_{t+1} = w_t − η(w_t^L − s)w_t^{L−1}, which is (19). [(70), the approximation and (19) are lost and \
        RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.EqE53-54"],
        parameters: modeDynamicsParameters.filter { $0.name != "recordEvery" },
        method: """
        The multi-pathway recursion (70) = (54) and the deep-chain map (19) are iterated side by side from the same \
        dominant start a_dom(0) = max α_k. Up to two steps after the chain's first overshoot of w⋆ = s^{1/L} (the \
        transient WCR is about), the dominant pathway of the full recursion must follow the chain to within 1% \
        relative (the other pathways carry σ ~ α^L ≪ s). Negative control: equal α_k, where the mode is not \
        concentrated and r ≠ a^L − s.
        """,
        expected: .confirmed
    ) { c in
        let depths = try c.vector("depths").map { Int($0) }
        let alphas = try c.vector("alphas"), s = try c.number("s"), eta = try c.number("eta"), steps = try c.integer("steps")
        guard Set(depths).count == 1, alphas.count == depths.count else { throw ClaimError.computation("needs homogeneous depth, one α per pathway") }
        let l = Double(depths[0]), wStar = pow(s, 1 / l)
        let dom = alphas.indices.max { alphas[$0] < alphas[$1] }!
        var a = alphas, w = alphas[dom]
        var worst = 0.0, overshootAt: Int? = nil
        for t in 0..<steps {
            let r = a.reduce(0) { $0 + pow($1, l) } - s
            a = a.map { $0 - eta * r * pow($0, l - 1) }
            w = w - eta * (pow(w, l) - s) * pow(w, l - 1)
            guard w.isFinite, a.allSatisfy(\.isFinite) else { throw ClaimError.diverged(step: t + 1, what: "chain or recursion") }
            worst = max(worst, abs(a[dom] - w) / abs(w))
            if overshootAt == nil && w > wStar { overshootAt = t }
            if let o = overshootAt, t >= o + 2 { break }
        }
        guard overshootAt != nil else { throw ClaimError.computation("the chain did not overshoot within \(steps) steps") }
        return CaseOutcome([
            .judge("max relative gap between the dominant a of (70) and the chain (19) through the first overshoot", worst,
                   predicted: "≤ 0.01 (one-path concentration)", holds: worst <= 0.01),
            .context("step of the chain's first overshoot", Double(overshootAt!)),
        ])
    }

    /// Eqs. (71)–(72), l.533–538: normalisation.
    static let equationsF71to72 = Claim(
        id: "MPDLN.EqF71-72",
        title: "x = w/s^{1/L}, h = ηs^{2−2/L} turn (19) into f_h(x) = x − hx^{L−1}(x^L − 1); f_h′(1) = 1 − hL, overshoot onset at hL = 1 [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (71)–(72)", lines: 533...538),
        statement: """
        Let w⋆ = s^{1/L} and define normalized variables x = w/s^{1/L}, h = ηs^{2−2/L} (71). Then (19) becomes the \
        dimensionless map f_h(x) = x − hx^{L−1}(x^L − 1) (72). The overshoot-onset threshold corresponds to hL = 1, since \
        f_h′(1) = 1 − hL. [(71), (72) and the onset formulas are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.Eq19"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 200), meaning: "depth"),
            ParameterSpec("s", .real, .positive, meaning: "target"),
            ParameterSpec("eta", .real, .positive, meaning: "learning rate"),
            ParameterSpec("exponent", .real, .closed(0, 4), required: false,
                          meaning: "p in h = ηs^p (default 2 − 2/L, Eq. 71; another value = negative control)"),
        ],
        method: """
        (a) Conjugacy: for 400 points w ∈ (0, 1.5w⋆), the raw map g(w) = w − η(w^L − s)w^{L−1} vs w⋆f_h(w/w⋆) (rel. \
        1e-12, rounding). (b) f_h′(1) by central differences vs 1 − hL (abs. 1e-6). (c) Onset: max_{[0,1]} f at \
        h = 1.05/L exceeds 1 and at h = 0.95/L equals 1 (max at x = 1). Negative control: h = ηs² (exponent 2) with \
        s ≠ 1, which is not the conjugating normalisation.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), s = try c.number("s"), eta = try c.number("eta")
        let l = Double(depth)
        let p = try c.number("exponent", default: 2 - 2 / l)
        let h = eta * pow(s, p), wStar = pow(s, 1 / l)
        let f = DeepChainReturnMap(depth: depth, h: h)
        var worst = 0.0
        for j in 1...400 {
            let w = 1.5 * wStar * Double(j) / 401
            let raw = w - eta * (pow(w, l) - s) * pow(w, l - 1)
            worst = max(worst, abs(raw - wStar * f(w / wStar)) / max(abs(raw), wStar * 1e-3))
        }
        let dx = 1e-6
        let slope = (f(1 + dx) - f(1 - dx)) / (2 * dx)
        let above = try DeepChainReturnMap(depth: depth, h: 1.05 / l).worstOvershoot().value
        let below = try DeepChainReturnMap(depth: depth, h: 0.95 / l).worstOvershoot().value
        return CaseOutcome([
            .judge("max relative |g(w) − w⋆f_h(w/w⋆)|", worst, predicted: "≤ 1e-12 (conjugate maps; rounding)", holds: worst <= 1e-12),
            .compare("f_h′(1) (central differences) vs 1 − hL", measured: slope, predicted: 1 - h * l,
                     .absolute(1e-6, "central differences with step 1e-6: O(1e-12) truncation, O(1e-10) rounding, times hL")),
            .judge("max_{[0,1]} f at hL = 1.05", above, predicted: "> 1 (overshoot above the onset)", holds: above > 1 + 1e-12),
            .judge("max_{[0,1]} f at hL = 0.95", below, predicted: "= 1 (no overshoot below the onset; 1e-12 rounding)",
                   holds: abs(below - 1) <= 1e-12),
        ])
    }

    /// Eqs. (73)–(74), l.545–550.
    static let equationsF73to74 = Claim(
        id: "MPDLN.EqF73-74",
        title: "worst overshoot M(h) = max_{[0,1]} f_h > 1 for hL > 1; (74) is Def. 6.1 in normalised coordinates [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (73)–(74)", lines: 545...550),
        statement: """
        For hL > 1, define the worst-case overshoot value M(h) = max_{x∈[0,1]} f_h(x) (73). By continuity, the maximum \
        exists; by Lemma F.1(i), we have M(h) > 1 in the overshoot regime. Before stating the reduction, write the \
        two-step return property in normalized coordinates: ∀x₀ ∈ (0, 1) with f_h(x₀) > 1: f_h(f_h(x₀)) ∈ (0, 1) (74). \
        [(73), (74) and M > 1 are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.LemF.1", "MPDLN.Def6.1"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 200), meaning: "depth"),
            ParameterSpec("hL", .real, .positive, meaning: "normalised step times depth"),
            ParameterSpec("s", .real, .positive, required: false, meaning: "target of the raw map for (74) (default 2)"),
        ],
        method: """
        M(h) by global 1-D maximisation on [0, 1]: must exceed 1 (by more than 1e-12 rounding). (74): Definition 6.1 \
        evaluated directly (scan + Brent + global maximisation of f∘f on the overshoot set) on the normalised map and \
        on the RAW map at η = h/s^{2−2/L}: the same safe/unsafe verdict and the same lowest return (÷ w⋆ for the raw \
        map, rel. 1e-9). Negative control: hL = 0.9 (no overshoot regime): M = 1.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), hl = try c.number("hL"), s = try c.number("s", default: 2)
        let l = Double(depth), h = hl / l
        let f = DeepChainReturnMap(depth: depth, h: h)
        let m = try f.worstOvershoot().value
        let eta = h / pow(s, 2 - 2 / l), wStar = pow(s, 1 / l)
        let normal = try TwoStepReturn.evaluate({ f($0) }, fixedPoint: 1, depth: depth, normalisedStep: h)
        let raw = try TwoStepReturn.evaluate({ w in w - eta * (pow(w, l) - s) * pow(w, l - 1) }, fixedPoint: wStar,
                                             depth: depth, normalisedStep: h)
        let same = normal.isSafe(fixedPoint: 1) == raw.isSafe(fixedPoint: wStar)
        let gap = normal.overshoots ? abs(raw.lowestReturn / wStar - normal.lowestReturn) / max(abs(normal.lowestReturn), 1e-3) : 0
        return CaseOutcome([
            .judge("M(h) = max_{[0,1]} f_h", m, predicted: "> 1 (overshoot regime)", holds: m > 1 + 1e-12),
            .judge("(74) on the normalised map and Def. 6.1 on the raw map give the same verdict", same ? 1 : 0,
                   predicted: "1", holds: same),
            .judge("relative gap of the lowest second iterate (normalised vs raw/w⋆)", gap,
                   predicted: "≤ 1e-9 (same map up to scaling; maximiser located to ≈ 1e-8, value to ≈ 1e-15)", holds: gap <= 1e-9),
            .context("two-step return safe", normal.isSafe(fixedPoint: 1) ? 1 : 0),
        ])
    }

    /// Eqs. (76)–(77), l.557–561: boundary identities at the maximiser.
    static let equationsF76to77 = Claim(
        id: "MPDLN.EqF76-77",
        title: "at the maximiser u of f_h (q = u^L): h = 1/(u^{L−2}((2L−1)q − (L−1))), M = u((2L−2)q − (L−2))/((2L−1)q − (L−1)) [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eqs. (76)–(77)", lines: 557...561),
        statement: """
        Let u be any maximizer attaining M; then necessarily f_h′(u) = 0. Define q = u^L. A direct substitution yields \
        the standard identities h = 1/(u^{L−2}((2L−1)q − (L−1))) (76) and M = f_h(u) = u((2L−2)q − (L−2))/((2L−1)q − (L−1)) \
        (77). [(76), (77) and q are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.EqF73-74"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 200), meaning: "depth"),
            ParameterSpec("hL", .vector(minCount: 1, distinct: true, descending: false), .positive, meaning: "values of hL"),
        ],
        method: """
        For each h: the maximiser u of f_h on [0, 1] by global 1-D maximisation (grid + Brent; no identities used). \
        Predicted: u is interior with f_h′(u) = 0 (|f′(u)| ≤ 1e-6: the maximiser is located to ≈ 1e-8), (76) at u \
        returns h (rel. 1e-6, same reason), (77) at u returns the maximum value M (rel. 1e-6: (77) substitutes h(u) of (76) \
        for h, so it inherits the first-order error of the located maximiser). Negative control: hL = 0.9, where the maximum on [0, 1] sits at the endpoint \
        x = 1 with f′(1) = 1 − hL ≠ 0 and (76) does not return h.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), hls = try c.vector("hL")
        let l = Double(depth)
        var worstD = 0.0, worstH = 0.0, worstM = 0.0
        for hl in hls {
            let f = DeepChainReturnMap(depth: depth, h: hl / l)
            let (u, m) = try f.worstOvershoot()
            let b = WorstCaseReturn.boundary(u: u, depth: depth)
            worstD = max(worstD, abs(f.derivative(u)))
            worstH = max(worstH, abs(b.h - hl / l) / (hl / l))
            worstM = max(worstM, abs(b.m - m) / m)
        }
        return CaseOutcome([
            .judge("max |f_h′(u)| at the maximiser", worstD, predicted: "≤ 1e-6 (critical point)", holds: worstD <= 1e-6),
            .judge("max relative |h(u) of (76) − h|", worstH, predicted: "≤ 1e-6", holds: worstH <= 1e-6),
            .judge("max relative |M(u) of (77) − max f_h|", worstM, predicted: "≤ 1e-6 (inherits the error of h(u))", holds: worstM <= 1e-6),
        ])
    }

    /// Definition F.3 (Normalized WCR constant), l.562–565, Eq. (78).
    static let definitionF3 = Claim(
        id: "MPDLN.DefF.3",
        title: "c_L = L·sup{h : f_h(M(h)) > 0}, equivalently L times the unique h with f_h(M(h)) = 0 [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Definition F.3, Eq. (78)", lines: 562...565),
        statement: """
        Define c_L := L·sup{h : f_h(M(h)) > 0} (78). Equivalently, c_L/L is the unique boundary value for which \
        f_h(M(h)) = 0. [(78) and the boundary equation are lost and RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.LemF.2"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 100), meaning: "depth"),
            ParameterSpec("overshoot", .choice(["max", "endpoint"]), required: false,
                          meaning: "M(h) = max_{[0,1]} f_h (default) or f_h(1) = 1 (no overshoot; negative control)"),
        ],
        method: """
        G(h) = f_h(M(h)) with M by global 1-D maximisation (no boundary formulas). (a) G is scanned on 200 points of \
        hL ∈ (1, 3c⋆) (c⋆ from the root route of Eq. 80): exactly one sign change, from + to − (the set {G > 0} is an \
        interval and the boundary value unique); (b) sup{h : G > 0} by 60 bisections times L must equal c_L of the root \
        route (rel. 1e-8). Negative control: M replaced by the endpoint f_h(1) = 1, where G ≡ 1 > 0 has no boundary.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), useMax = try c.text("overshoot", default: "max") == "max"
        let l = Double(depth)
        let root = try WorstCaseReturn.constantByRoot(depth: depth)
        func margin(_ h: Double) throws -> Double {
            useMax ? try WorstCaseReturn.returnMargin(depth: depth, h: h) : DeepChainReturnMap(depth: depth, h: h)(1)
        }
        var changes = 0, downward = true
        var previous = try margin(1.0001 / l)
        for j in 1...200 {
            let h = (1.0001 + (3 * root.c - 1.0001) * Double(j) / 200) / l
            let g = try margin(h)
            if (g > 0) != (previous > 0) { changes += 1; if g > 0 { downward = false } }
            previous = g
        }
        var lo = 1.0001 / l, hi = 3 * root.c / l
        var bisected = Double.nan
        if changes == 1 {
            for _ in 0..<60 { let mid = 0.5 * (lo + hi); if try margin(mid) > 0 { lo = mid } else { hi = mid } }
            bisected = l * 0.5 * (lo + hi)
        }
        return CaseOutcome([
            .judge("sign changes of G(h) = f_h(M(h)) on hL ∈ (1, 3c_L)", Double(changes),
                   predicted: "1, from + to − (unique boundary value)", holds: changes == 1 && downward),
            .compare("L·sup{h : G > 0} (bisection) vs c_L (root of Eq. 80)", measured: bisected, predicted: root.c,
                     .relative(1e-8, "60 bisections resolve h to ≈ 1e-16·range; G located through a maximisation accurate to ≈ 1e-15 in value")),
        ])
    }

    /// Lemma F.4 (Boundary system), l.566–572, Eqs. (79)–(81).
    static let lemmaF4 = Claim(
        id: "MPDLN.LemF.4",
        title: "the boundary system f_h′(u) = 0, M = f_h(u), f_h(M) = 0 reduces to one root u⋆ of F_L on (((L−1)/(2L−1))^{1/L}, 1); c_L = L h(u⋆) [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Lemma F.4 (statement lost) and Eqs. (80)–(81)", lines: 566...574),
        statement: """
        Lemma F.4 (Boundary system). [Statement (79) lost.] Proof. Combining the boundary identities gives the \
        one-dimensional root equation F_L(u) := h(u)M(u)^{L−2}(M(u)^L − 1) − 1 = 0 (80) on the interval \
        u ∈ (((L−1)/(2L−1))^{1/L}, 1). Once this root is found, the normalized WCR constant is c_L = L h(u⋆) (81). … \
        Equation (80) is one-dimensional on the interval (which ensures h > 0). [(79)–(81) and the interval are lost and \
        RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.EqF76-77"],
        parameters: [
            ParameterSpec("L", .integer, .closed(2, 1000), meaning: "depth"),
            ParameterSpec("interval", .choice(["paper", "below"]), required: false,
                          meaning: "paper: (((L−1)/(2L−1))^{1/L}, 1) (default); below: (½·lower end, lower end) (negative control)"),
        ],
        method: """
        On the interval: h(u) of (76) is scanned on 2000 points (must be > 0 everywhere), F_L's sign changes are \
        counted (exactly 1) and the root refined by Brent. At u⋆ with h = h(u⋆), the three equations of the system are \
        evaluated directly on f_h: |f_h′(u⋆)| ≤ 1e-9, |M − f_h(u⋆)| ≤ 1e-12, |f_h(M)| ≤ 1e-9 (root to ≈ 1e-15, \
        amplified by the L-th powers); and u⋆ is the global maximiser of f_h on [0, 1] (|u⋆ − argmax| ≤ 1e-6). \
        Negative control: the interval below the paper's lower end, where h(u) < 0 and F_L has no root.
        """,
        expected: .confirmed
    ) { c in
        let depth = try c.integer("L"), l = Double(depth)
        let lo0 = pow((l - 1) / (2 * l - 1), 1 / l)
        let (lo, hi) = try c.text("interval", default: "paper") == "paper" ? (lo0, 1.0) : (0.5 * lo0, lo0)
        var minH = Double.infinity, changes = 0
        var previous: (Double, Double)? = nil, bracket: (Double, Double)? = nil
        for j in 1..<2000 {
            let u = lo + (hi - lo) * Double(j) / 2000
            minH = min(minH, WorstCaseReturn.boundary(u: u, depth: depth).h)
            let f = WorstCaseReturn.rootFunction(u: u, depth: depth)
            guard f.isFinite else { previous = nil; continue }
            if let (pu, pf) = previous, (pf > 0) != (f > 0) { changes += 1; bracket = bracket ?? (pu, u) }
            previous = (u, f)
        }
        var q: [Quantity] = [
            .judge("min of h(u) on the interval", minH, predicted: "> 0 (the interval ensures h > 0)", holds: minH > 0),
            .judge("sign changes of F_L on the interval", Double(changes), predicted: "1 (unique root)", holds: changes == 1),
        ]
        if let b = bracket, changes == 1 {
            let u = try RootFinding.brent(in: b.0, b.1) { WorstCaseReturn.rootFunction(u: $0, depth: depth) }
            let (h, m) = WorstCaseReturn.boundary(u: u, depth: depth)
            let f = DeepChainReturnMap(depth: depth, h: h)
            let argmax = try f.worstOvershoot().argmax
            q += [
                .judge("|f_h′(u⋆)|", abs(f.derivative(u)), predicted: "≤ 1e-9", holds: abs(f.derivative(u)) <= 1e-9),
                .judge("|M − f_h(u⋆)|", abs(m - f(u)), predicted: "≤ 1e-12", holds: abs(m - f(u)) <= 1e-12),
                .judge("|f_h(M)|", abs(f(m)), predicted: "≤ 1e-9 (boundary of two-step return)", holds: abs(f(m)) <= 1e-9),
                .judge("|u⋆ − global argmax of f_h on [0, 1]|", abs(u - argmax), predicted: "≤ 1e-6", holds: abs(u - argmax) <= 1e-6),
                .context("c_L = L h(u⋆) (Eq. 81)", l * h), .context("u⋆", u), .context("M", m),
            ]
        }
        return CaseOutcome(q)
    }

    /// Eq. (82), l.573–577: representative values of c_L (lost in extraction).
    static let equationF82 = Claim(
        id: "MPDLN.EqF82",
        title: "representative values of c_L (printed values lost): computed for L = 2…100, increasing with L",
        source: ClaimSource(seed: Seed.mpdln, statement: "App. F.5 and Eq. (82)", lines: 573...577),
        statement: """
        Equation (80) is one-dimensional on the interval (which ensures h > 0). In practice, we solve it via bisection \
        in that interval and then compute c_L by (81). Representative values (computed to high precision) are: (82) \
        [values lost in extraction] and the values continue to increase with L (e.g., [value lost], [value lost]).
        """,
        uses: ["MPDLN.LemF.4"],
        parameters: depthRangeParameters + [
            ParameterSpec("crossCheck", .vector(minCount: 1, distinct: true, descending: false), .closed(2, 1000), required: false,
                          meaning: "depths also computed by direct search on Def. 6.1 (default 2, 3, 10)"),
            ParameterSpec("sequence", .choice(["cL", "perLayerOvershoot"]), required: false,
                          meaning: "cL (default) or perLayerOvershoot M⋆ − 1 (decreasing; negative control of the monotonicity test)"),
        ],
        method: """
        The printed values are lost, so nothing printed can be compared; the computed c_L are reported (and drawn) for \
        every depth in the range. c_L by the root route (Eq. 80, scan + Brent), cross-checked at a few depths by \
        bisection on Definition 6.1 itself (rel. 1e-8). Judged: "the values continue to increase with L" — strictly \
        increasing over the range. Negative control: the per-layer worst safe overshoot M⋆ − 1, which decreases, run \
        through the same test.
        """,
        expected: .confirmed
    ) { c in
        let depths = try depthList(c)
        let overshoot = try c.text("sequence", default: "cL") == "perLayerOvershoot"
        var values: [Double] = [], cs: [Double] = []
        for l in depths where l >= 2 {
            let r = try WorstCaseReturn.constantByRoot(depth: l)
            cs.append(r.c)
            values.append(overshoot ? r.m - 1 : r.c)
        }
        let used = depths.filter { $0 >= 2 }
        let increments = zip(values.dropFirst(), values).map { $0 - $1 }
        let crossDepths = c.parameters["crossCheck"] == nil ? [2, 3, 10] : try c.vector("crossCheck").map { Int($0) }
        var worst = 0.0
        for l in crossDepths {
            let root = try WorstCaseReturn.constantByRoot(depth: l).c
            worst = max(worst, abs(try WorstCaseReturn.constantByDirectSearch(depth: l) - root) / root)
        }
        var q: [Quantity] = [
            .judge(overshoot ? "min increment of M⋆ − 1 over L" : "min increment c_{L+1} − c_L over the range", increments.min() ?? 0,
                   predicted: "> 0 (values increase with L)", holds: (increments.min() ?? 0) > 0),
            .judge("max relative gap root route vs direct search at L = \(crossDepths.map(String.init).joined(separator: ", "))", worst,
                   predicted: "≤ 1e-8", holds: worst <= 1e-8),
        ]
        for (l, v) in zip(used, cs) where [2, 3, 4, 5, 6, 8, 10, 16, 20, 32, 50, 64, 100].contains(l) {
            q.append(.context("c_\(l) (computed; Eq. 82's printed value lost)", v))
        }
        return CaseOutcome(q, series: [
            DataSeries(name: "c_L (root of Eq. 80)", x: used.map(Double.init), y: cs,
                       figure: "Eq. (82): normalised WCR constant c_L against depth (printed values lost; computed)",
                       xLabel: "depth L", yLabel: "c_L = η_WCR · L s^{2−2/L}", xScale: .log, yScale: .linear, style: .points),
            DataSeries(name: "classical bound 2", x: [Double(used.first!), Double(used.last!)], y: [2, 2],
                       figure: "Eq. (82): normalised WCR constant c_L against depth (printed values lost; computed)",
                       xLabel: "depth L", yLabel: "c_L = η_WCR · L s^{2−2/L}", xScale: .log, yScale: .linear),
        ])
    }

    /// Section F.6 (Asymptotic growth with depth), l.578–589 (Eqs. 83–87 lost).
    static let sectionF6Claim = Claim(
        id: "MPDLN.SecF.6-claim",
        title: "for large L the root u⋆ → 1 and M → 1 while c_L → ∞ with a Lambert-W scaling (formulas lost; we test c_L ≈ 2W₀(2L)) [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "App. F.6", lines: 578...589),
        statement: """
        In this subsection we justify Proposition 6.3. … A convenient form of the boundary algebra (equivalent to (80)) \
        is (83). For large L, the root satisfies [lost] and hence [lost]. In that regime, a standard expansion shows \
        (84). Moreover, … equation (83) implies (to leading order) (85). … Substituting into (85) yields (86), which \
        implies c_L → ∞. More refined manipulations yield the Lambert-W scaling (87), establishing Proposition 6.3. \
        [Every formula (83)–(87) is lost in extraction.]
        """,
        uses: ["MPDLN.LemF.4", "MPDLN.Prop6.3"],
        parameters: [
            ParameterSpec("decades", .integer, .closed(1, 4), meaning: "L = 10², …, 10^(2+decades)"),
            ParameterSpec("asymptote", .choice(["lambertW", "log"]), required: false,
                          meaning: "compare with 2W₀(2L) (our leading-order derivation, default) or 2 log(2L) (negative control)"),
        ],
        method: """
        The formulas are lost, so the surviving prose is tested with our own leading-order asymptote. By the root route \
        at L = 10², …: 1 − u⋆ and M⋆ − 1 decrease towards 0 (u⋆ → 1, M → 1), c_L increases, and \
        |c_L/A(L) − 1| ≤ 0.05 with A(L) = 2W₀(2L) (derived from the boundary system with u = 1 − α/L, M = 1 + β/L; it \
        tends to ∞, so c_L → ∞). Reported: L(1 − u⋆) and L(M⋆ − 1). Negative control: A(L) = 2 log(2L), a different \
        (wrong at this order) scaling, which misses by more than 5%.
        """,
        expected: .confirmed
    ) { c in
        let decades = try c.integer("decades"), useW = try c.text("asymptote", default: "lambertW") == "lambertW"
        var us: [Double] = [], ms: [Double] = [], cs: [Double] = [], worst = 0.0
        var q: [Quantity] = []
        let ls = (0...decades).map { Int(pow(10, Double(2 + $0))) }
        for l in ls {
            let r = try WorstCaseReturn.constantByRoot(depth: l)
            us.append(1 - r.u); ms.append(r.m - 1); cs.append(r.c)
            let a = useW ? 2 * WorstCaseReturn.lambertW(2 * Double(l)) : 2 * log(2 * Double(l))
            worst = max(worst, abs(r.c / a - 1))
            q.append(.context("L = \(l): c_L", r.c))
            q.append(.context("L = \(l): L(1 − u⋆)", Double(l) * (1 - r.u)))
            q.append(.context("L = \(l): L(M⋆ − 1)", Double(l) * (r.m - 1)))
        }
        func decreasing(_ v: [Double]) -> Bool { zip(v.dropFirst(), v).allSatisfy { $0 < $1 } }
        q.insert(contentsOf: [
            .judge("1 − u⋆ decreasing in L", decreasing(us) ? 1 : 0, predicted: "1 (u⋆ → 1)", holds: decreasing(us)),
            .judge("M⋆ − 1 decreasing in L", decreasing(ms) ? 1 : 0, predicted: "1 (M → 1)", holds: decreasing(ms)),
            .judge("c_L increasing in L", decreasing(cs.map { -$0 }) ? 1 : 0, predicted: "1 (c_L → ∞)", holds: decreasing(cs.map { -$0 })),
            .judge("max |c_L/A(L) − 1|, A = \(useW ? "2W₀(2L)" : "2 log(2L)")", worst,
                   predicted: "≤ 0.05 (leading-order asymptote; next order O(log c/c))", holds: worst <= 0.05),
        ], at: 0)
        return CaseOutcome(q)
    }
}
