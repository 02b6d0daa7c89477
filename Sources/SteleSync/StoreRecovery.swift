public import Logging
public import SteleStore

/// After a crash or a kill of the previous writer, removes what its unfinished writes left and
/// verifies the rest, before new work starts.
public enum StoreRecovery {
    /// Runs `stele check --repair`'s repairs when the previous writer did not close; logs what was
    /// repaired and what could not be.
    public static func repairIfNeeded(_ writer: StoreWriter, logger: Logger) {
        guard writer.foundUncleanShutdown else { return }
        logger.notice("the previous writer did not finish; checking the store")
        let report = StoreChecker(store: writer.store).run(repairingWith: writer)
        for repaired in report.repaired {
            logger.notice("repaired", metadata: ["path": "\(repaired.path)", "what": "\(repaired.message)"])
        }
        for problem in report.problems {
            logger.error("store problem left as it is", metadata: ["path": "\(problem.path)", "problem": "\(problem.message)"])
        }
    }
}
