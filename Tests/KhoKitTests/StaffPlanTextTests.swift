import KhoEstimation
import Testing

@testable import KhoKit

/// `--staff` as typed, read by the library (the command only passes the text on).
@Suite struct StaffPlanTextTests {
    @Test func plansAreReadInEitherLanguageAndBadOnesSayWhy() throws {
        let plan = try StaffPlan(parsing: "arrangement=3, số hóa=2")
        #expect(plan.arrangement == 3 && plan.scanning == 2)
        #expect(try StaffPlan(parsing: "Chỉnh lý=1").arrangement == 1)
        expectError(StaffPlanError.shape("arrangement")) { try StaffPlan(parsing: "arrangement") }
        expectError(StaffPlanError.count("scanning=0")) { try StaffPlan(parsing: "scanning=0") }
        expectError(StaffPlanError.part("archivists")) { try StaffPlan(parsing: "archivists=3") }
    }
}
