import Foundation
import KhoReport

extension KhoStore {
    /// Metres at risk (*số mét có nguy cơ*): the metres not arranged and not digitized yet, by condition and by location
    /// marked at risk, counted as `kho status` counts them.
    ///
    /// Unarranged metres are the extents of boxes as received whose arrangement is not finished, at that box. A box as
    /// received and the boxes made from it are one family (``BoxFamilies``): its undigitized metres are its extent ×
    /// (1 − the digitized share `kho status` uses), shared among the boxes made from it by their extents (the records
    /// now stand there), or at the box itself when none was made. So the totals are `total_m − arranged_m` and
    /// `total_m − digitized_m`. A box's condition is the worst recorded on it or on its files; it is at risk when that
    /// condition is poor (``Condition/isPoor``) or when a marked location covers its location (``LocationCover``).
    public func metresAtRisk() throws -> MetresAtRisk {
        try reading { tx in
            let risks = try tx.locations.riskMap()
            var boxes = try BoxesAtRisk(tx.catalogue.boxRows())
            try boxes.addFiles(tx.reports.fileGroups())
            boxes.spreadUndigitized()
            return boxes.metres(risks: risks)
        }
    }
}

/// Every box with its location, worst condition and the metres not arranged and not digitized at it, and the
/// families (box as received, boxes made from it) those metres are measured on.
private struct BoxesAtRisk {
    struct BoxRow {
        var location: String
        var condition: Condition
        var extentMM: Int64
        var unarrangedMM = 0.0
        var undigitizedMM = 0.0
    }
    var boxes: [Int64: BoxRow] = [:]
    var tree = BoxFamilies()
    var families: [Int64: Family] = [:]
    /// The boxes made from each box as received (at any depth).
    var children: [Int64: [Int64]] = [:]

    /// The boxes, their families, and the unarranged metres of the boxes as received not arranged yet.
    init(_ rows: [CatalogueStore.BoxRow]) {
        var parents: [Int64: Int64] = [:]
        for row in rows {
            var box = BoxRow(location: row.location, condition: row.condition, extentMM: row.extentMM)
            if let parent = row.fromBoxId {
                tree.add(child: row.id, parent: parent)
                parents[row.id] = parent
            } else {
                families[row.id] = Family(
                    fonds: row.fondsId, extentMM: row.extentMM, arranged: row.arranged, keptMM: nil)
                if !row.arranged { box.unarrangedMM = Double(row.extentMM) }
            }
            boxes[row.id] = box
        }
        for (child, _) in parents { children[tree.root(of: child), default: []].append(child) }
    }

    /// The worst condition on each box's files, and each family's digitized share as `kho status` counts it.
    mutating func addFiles(_ groups: [ReportStore.FileGroup]) {
        for group in groups {
            if var box = boxes[group.boxId], let condition = group.condition {
                box.condition = KhoStore.worst([box.condition, condition], .standard)
                boxes[group.boxId] = box
            }
            guard group.access != .secret else { continue }
            families[tree.root(of: group.boxId)]?.add(
                files: group.files, withSheets: group.withSheets, sheets: group.sheets, state: group.state)
        }
    }

    /// Each family's undigitized metres, shared among the boxes made from it by their extents, or at the box as
    /// received when none was made.
    mutating func spreadUndigitized() {
        for (root, family) in families {
            let undigitized = Double(family.extentMM) * (1 - family.digitizedShares.reduce(0, +))
            let made = children[root, default: []]
            let madeMM = made.reduce(0.0) { $0 + Double(boxes[$1]?.extentMM ?? 0) }
            if madeMM > 0 {
                for child in made {
                    let share = Double(boxes[child]?.extentMM ?? 0) / madeMM
                    boxes[child]?.undigitizedMM += undigitized * share
                }
            } else {
                boxes[root]?.undigitizedMM += undigitized
            }
        }
    }

    /// The metres in all, at risk, by condition (worst first) and by marked location.
    func metres(risks: RiskMap) -> MetresAtRisk {
        var byCondition: [Condition: (Double, Double)] = [:]
        var result = MetresAtRisk()
        var unarranged = 0.0, undigitized = 0.0, unarrangedAtRisk = 0.0, undigitizedAtRisk = 0.0
        for box in boxes.values {
            var sums = byCondition[box.condition] ?? (0, 0)
            sums.0 += box.unarrangedMM
            sums.1 += box.undigitizedMM
            byCondition[box.condition] = sums
            unarranged += box.unarrangedMM
            undigitized += box.undigitizedMM
            if box.condition.isPoor || !risks.risks(at: box.location).risks.isEmpty {
                unarrangedAtRisk += box.unarrangedMM
                undigitizedAtRisk += box.undigitizedMM
            }
        }
        result.byCondition = Self.conditionMetres(byCondition)
        result.locations = locationMetres(risks)
        result.unarrangedMetres = Self.m(unarranged)
        result.undigitizedMetres = Self.m(undigitized)
        result.unarrangedAtRiskMetres = Self.m(unarrangedAtRisk)
        result.undigitizedAtRiskMetres = Self.m(undigitizedAtRisk)
        return result
    }

    /// Millimetres as metres, to the millimetre.
    private static func m(_ mm: Double) -> Double { mm.rounded() / 1000 }

    /// The conditions with any metres (over half a millimetre), the one that weighs most first.
    private static func conditionMetres(_ byCondition: [Condition: (Double, Double)]) -> [ConditionMetres] {
        let order = Condition.allCases.sorted {
            PriorityWeights.standard.points($0) > PriorityWeights.standard.points($1)
        }
        return order.compactMap { condition in
            guard let sums = byCondition[condition], sums.0 > 0.5 || sums.1 > 0.5 else { return nil }
            return ConditionMetres(
                key: condition.rawValue, label: condition.label, poor: condition.isPoor,
                unarrangedMetres: m(sums.0), undigitizedMetres: m(sums.1))
        }
    }

    /// Each marked location, with the boxes it covers and their metres.
    private func locationMetres(_ risks: RiskMap) -> [LocationMetres] {
        risks.marks.sorted { $0.location < $1.location }.map { mark in
            let covered = boxes.values.filter { LocationCover.covers(mark.location, $0.location) }
            return LocationMetres(
                location: mark.location,
                risks: Text(vi: LocationRisk.words(mark.risks, .vi), en: LocationRisk.words(mark.risks, .en)),
                boxes: covered.count,
                unarrangedMetres: Self.m(covered.reduce(0) { $0 + $1.unarrangedMM }),
                undigitizedMetres: Self.m(covered.reduce(0) { $0 + $1.undigitizedMM }))
        }
    }
}
