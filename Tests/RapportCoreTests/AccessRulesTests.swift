import RapportCore
import Testing

@Suite("Sign-in rules, roles and instants")
struct AccessRulesTests {
    func at(_ seconds: Int64) -> Instant { Instant(secondsSinceEpoch: seconds) }

    @Test func tenFailuresWithinFifteenMinutesLockForFifteenMinutesFromTheTenth() {
        let throttle = SignInThrottle.standard
        let nine = (0..<9).map { at(Int64($0) * 60) }
        #expect(throttle.lockedUntil(failedAt: nine, now: at(600)) == nil)
        let ten = nine + [at(599)]
        #expect(throttle.lockedUntil(failedAt: ten, now: at(600)) == at(599 + 900))
        #expect(throttle.lockedUntil(failedAt: ten, now: at(599 + 899)) == at(1499))
        #expect(throttle.lockedUntil(failedAt: ten, now: at(599 + 900)) == nil, "the lock ends after fifteen minutes")
        // Ten failures spread over more than fifteen minutes lock nothing.
        let spread = (0..<10).map { at(Int64($0) * 120) }
        #expect(throttle.lockedUntil(failedAt: spread, now: at(1200)) == nil)
        // Order does not matter, and failures after `now` are ignored.
        #expect(throttle.lockedUntil(failedAt: ten.reversed() + [at(5000)], now: at(600)) == at(1499))
        #expect(throttle.lookback(from: at(10_000)) == at(10_000 - 1800))
    }

    @Test func passwordsNeedTenCharactersAndAtMost72Bytes() {
        #expect(throws: InvalidField("password", "must have at least 10 characters")) { try PasswordPolicy.check("123456789") }
        #expect(throws: Never.self) { try PasswordPolicy.check("1234567890") }
        #expect(throws: Never.self) { try PasswordPolicy.check(String(repeating: "a", count: 72)) }
        #expect(throws: InvalidField.self) { try PasswordPolicy.check(String(repeating: "a", count: 73)) }
        #expect(throws: InvalidField.self) { try PasswordPolicy.check(String(repeating: "é", count: 37)) }
    }

    @Test func eachRoleIsAllowedWhatTheIssueNames() {
        func allowed(_ role: User.Role) -> Set<Permission> { Set(Permission.allCases.filter { role.allows($0) }) }
        #expect(allowed(.admin) == Set(Permission.allCases))
        #expect(allowed(.manager) == Set(Permission.allCases).subtracting([.administer]))
        #expect(allowed(.specialist) == [.ownQueue, .readAccounts, .workAccounts, .departmentCases])
        #expect(allowed(.department) == [.departmentCases])
        let installer = User(id: "ivan", displayName: "Ivan", role: .department, department: .installation)
        #expect(installer.mayAct(onDepartment: .installation) && !installer.mayAct(onDepartment: .billing))
        let manager = User(id: "mona", displayName: "Mona", role: .manager)
        #expect(Department.allCases.allSatisfy { manager.mayAct(onDepartment: $0) })
    }

    @Test func instantsReadAndWriteISO8601InUTC() throws {
        #expect(at(0).isoString == "1970-01-01T00:00:00Z")
        #expect(at(1_719_748_800).isoString == "2024-06-30T12:00:00Z")
        #expect(at(-1).isoString == "1969-12-31T23:59:59Z")
        #expect(Instant(iso: "2024-06-30T12:00:00Z") == at(1_719_748_800))
        #expect(Instant(iso: "2024-06-30T24:00:00Z") == nil && Instant(iso: "2024-06-30 12:00:00") == nil)
    }

    @Test func auditFieldsKeepOneFieldPerLine() {
        #expect(AuditEvent.fields(["a": "1", "b": nil, "c": "two\nlines\\"]) == "a=1\nc=two\\nlines\\\\")
    }

    @Test func startWaitAndReopenMoveOnlyFromTheirStates() throws {
        let opened = CaseWorkflow.open(id: "C1", accountID: "A1", invoiceIDs: [], category: .billingError,
                                       amountOnHold: .zero(.usd), on: try Day(iso: "2024-01-01"), owner: nil)
        let day = try Day(iso: "2024-01-02")
        let started = try CaseWorkflow.start(opened, on: day)
        #expect(started.status == .inProgress)
        #expect(throws: CaseError.invalidTransition(from: .inProgress, to: .inProgress)) { try CaseWorkflow.start(started, on: day) }
        let waiting = try CaseWorkflow.wait(started, on: day)
        #expect(waiting.status == .waitingOnCustomer)
        #expect(try CaseWorkflow.start(waiting, on: day).status == .inProgress)
        #expect(throws: CaseError.invalidTransition(from: .inProgress, to: .inProgress)) { try CaseWorkflow.reopen(started, on: day) }
        let resolved = try CaseWorkflow.move(started, to: .resolved, on: day, rootCause: "INST.PUNCH_LIST_OPEN", resolution: .workCompleted)
        #expect(throws: CaseError.invalidTransition(from: .resolved, to: .inProgress)) { try CaseWorkflow.start(resolved, on: day) }
        #expect(try CaseWorkflow.reopen(resolved, on: day).status == .inProgress)
    }

    @Test func aDepartmentMemberReadsOnlyWhatHerDepartmentsWorkConcerns() {
        let installer = User(id: "ivan", displayName: "Ivan", role: .department, department: .installation)
        let specialist = User(id: "kim", displayName: "Kim", role: .specialist)
        let manager = User(id: "mona", displayName: "Mona", role: .manager)
        #expect(installer.mayRead(accountConcerning: [.installation, .billing]))
        #expect(!installer.mayRead(accountConcerning: [.billing]) && !installer.mayRead(accountConcerning: []))
        #expect(specialist.mayRead(accountConcerning: []) && manager.mayRead(accountConcerning: []))
        let nowhere = User(id: "x", displayName: "X", role: .department)
        #expect(!nowhere.mayRead(accountConcerning: Set(Department.allCases)), "a member without a department reads nothing")
    }
}
