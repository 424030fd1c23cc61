import RapportCore

/// The columns of `jobs.csv` and how one row becomes a `Job` (its follow-ups come from `followups.csv`).
enum JobRow {
    static let required = ["job_id", "account_id", "location_id", "kind", "department", "percent_complete"]
    static let columns = required + ["billed_off_on"]

    static func decode(_ row: RowReader) throws(RowError) -> Job {
        guard let kind = try row.choice("kind", as: Job.Kind.self) else { throw row.error("kind", "is required") }
        guard let department = try row.choice("department", as: Department.self) else {
            throw row.error("department", "is required")
        }
        let percentText = try row.required("percent_complete")
        guard let percent = Int(percentText), (0...100).contains(percent) else {
            throw row.error("percent_complete", "expected a whole number from 0 to 100, got \"\(percentText)\"")
        }
        return Job(
            id: Job.ID(try row.required("job_id")),
            accountID: Account.ID(try row.required("account_id")),
            locationID: Location.ID(try row.required("location_id")),
            kind: kind, ownerDepartment: department, percentComplete: percent,
            billedOffOn: try row.optionalDay("billed_off_on"))
    }

    static func encode(_ job: Job) -> [String] {
        [
            job.id.rawValue, job.accountID.rawValue, job.locationID?.rawValue ?? "", job.kind.rawValue,
            job.ownerDepartment.rawValue, String(job.percentComplete), job.billedOffOn?.isoString ?? "",
        ]
    }
}
