import SteleAlign
import SteleDiff

/// The part of ``StoreChecker`` that verifies one release folder.
struct ReleaseChecker {
    let store: Store
    let release: ReleaseRef

    private var layout: StoreLayout { store.layout }

    func check(_ report: inout CheckReport) -> [(CheckProblem, StoreChecker.Repair?)] {
        let folder = layout.releaseFolder(release.source, release.key)
        let releaseFile = layout.releaseFile(release.source, release.key)
        var found: [(CheckProblem, StoreChecker.Repair?)] = []
        var record: ReleaseRecord?
        if let problem = StoreChecker.linkProblem(releaseFile) {
            found.append(problem)
        } else {
            do {
                record = try store.release(release)
                if let record, record.key != release.key {
                    found.append((CheckProblem(.unreadable, releaseFile, "names key \(record.key), not \(release.key)", repairable: false), nil))
                }
            } catch {
                found.append((CheckProblem(.unreadable, releaseFile, error.checkDescription, repairable: false), nil))
            }
        }
        var paragraphCounts: [String: [Int: Int]] = [:]
        var committed: [String: [Int]] = [:]
        for name in ((try? DurableFile.list(folder)) ?? []).sorted() {
            let path = folder + "/" + name
            if name.hasPrefix(DurableFile.temporaryPrefix) {
                found.append(StoreChecker.linkProblem(path) ?? (CheckProblem(.leftover, path, "temporary file of an interrupted write", repairable: true), .remove(path)))
            } else if name == "release.json" {
                continue
            } else if name == "align" || (try? StoreName.language(name)) != nil {
                if let problem = StoreChecker.folderProblem(path) {
                    found.append(problem)
                } else if name != "align" {
                    found += checkLanguage(name, &report, &paragraphCounts, &committed)
                }
            } else {
                found.append((CheckProblem(.unexpectedFile, path, "has no place in a release folder", repairable: false), nil))
            }
        }
        found += checkAlignments(&report, paragraphCounts, committed)
        found += checkPresentLanguages(record, committed, found)
        return found
    }

    /// Languages that `release.json` says are present but that have no committed version: lost
    /// (a deleted folder), never repairable. Except the one case a crash makes: `release.json`
    /// written for a new release's first version, which never reached its commit point.
    private func checkPresentLanguages(_ record: ReleaseRecord?, _ committed: [String: [Int]], _ found: [(CheckProblem, StoreChecker.Repair?)]) -> [(CheckProblem, StoreChecker.Repair?)] {
        guard let record else { return [] }
        let lost = record.languages.filter { $0.value.status == .present && (committed[$0.key] ?? []).isEmpty }.keys.sorted()
        guard !lost.isEmpty else { return [] }
        let path = layout.releaseFile(release.source, release.key)
        let untouchedFirstWrite = committed.values.allSatisfy(\.isEmpty) && record.languages.count == 1
            && record.languages.values.allSatisfy { $0.lastChecked == nil && $0.title == nil }
            && !found.contains { $0.0.kind == .missingLanguage || $0.0.kind == .danglingAlignment || $0.0.kind == .invalidAlignment }
            && ((try? DurableFile.list(layout.alignFolder(release.source, release.key))) ?? []).isEmpty
        if untouchedFirstWrite {
            return [(CheckProblem(.uncommittedVersion, path, "written for the release's first version, whose write never reached its commit point", repairable: true), .remove(path))]
        }
        return lost.map { language in
            let languageFolder = layout.languageFolder(release.source, release.key, language)
            return (CheckProblem(.missingLanguage, languageFolder, "release.json says \(language) is present, but no committed version of it is stored: restore \(languageFolder) from a backup", repairable: false), nil)
        }
    }

    private func checkLanguage(
        _ language: String, _ report: inout CheckReport, _ paragraphCounts: inout [String: [Int: Int]], _ committedVersions: inout [String: [Int]]
    ) -> [(CheckProblem, StoreChecker.Repair?)] {
        let folder = layout.languageFolder(release.source, release.key, language)
        var found: [(CheckProblem, StoreChecker.Repair?)] = []
        var files: [Int: Set<VersionFile>] = [:]
        for name in ((try? DurableFile.list(folder)) ?? []).sorted() {
            let path = folder + "/" + name
            if let problem = StoreChecker.linkProblem(path) {
                found.append(problem)
            } else if name.hasPrefix(DurableFile.temporaryPrefix) {
                found.append((CheckProblem(.leftover, path, "temporary file of an interrupted write", repairable: true), .remove(path)))
            } else if let parsed = StoreLayout.parseVersionFile(name) {
                files[parsed.version, default: []].insert(parsed.kind)
            } else {
                found.append((CheckProblem(.unexpectedFile, path, "not a version file (0001.txt, .json, .html, .diff)", repairable: false), nil))
            }
        }
        let committed = files.filter { $0.value.contains(.metadata) }.keys.sorted()
        committedVersions[language] = committed
        let lastCommitted = committed.last ?? 0
        // Files of versions past the last committed one are an interrupted write: never a version.
        for (version, kinds) in files.sorted(by: { $0.key < $1.key }) where version > lastCommitted {
            for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
                let path = layout.versionFile(release.source, release.key, language, version, kind)
                found.append((CheckProblem(.uncommittedVersion, path, "part of version \(version), whose write never reached its commit point", repairable: true), .remove(path)))
            }
        }
        for version in 1...max(1, lastCommitted) where lastCommitted > 0 && !committed.contains(version) {
            let path = layout.versionFile(release.source, release.key, language, version, .metadata)
            found.append((CheckProblem(.missingVersion, path, "version \(version) is missing while version \(lastCommitted) exists: restore it from a backup", repairable: false), nil))
        }

        var previousText: String?
        var previousVersion: Int?
        for version in committed {
            report.versions += 1
            let outcome = checkVersion(language, version, previous: previousVersion.flatMap { $0 == version - 1 ? previousText : nil })
            found += outcome.problems
            previousText = outcome.text
            previousVersion = version
            if let text = outcome.text { paragraphCounts[language, default: [:]][version] = text.utf8.count { $0 == 0x0A } }
        }
        return found
    }

    /// Verifies one committed version; returns its text when the text is intact.
    private func checkVersion(_ language: String, _ version: Int, previous: String?) -> (text: String?, problems: [(CheckProblem, StoreChecker.Repair?)]) {
        func path(_ kind: VersionFile) -> String { layout.versionFile(release.source, release.key, language, version, kind) }
        let metadata: VersionMetadata
        do {
            metadata = try store.metadata(release, language: language, version: version)
        } catch {
            return (nil, [(CheckProblem(.unreadable, path(.metadata), error.checkDescription, repairable: false), nil)])
        }
        var problems: [(CheckProblem, StoreChecker.Repair?)] = []
        if metadata.version != version || metadata.language != language {
            problems.append((CheckProblem(.unreadable, path(.metadata), "says version \(metadata.version) of \(metadata.language)", repairable: false), nil))
        }
        guard let textBytes = try? DurableFile.read(path(.text)) else {
            return (nil, problems + [(CheckProblem(.missingVersion, path(.text), "the text of committed version \(version) is missing", repairable: false), nil)])
        }
        guard SHA256.hex(textBytes) == metadata.sha256 else {
            return (nil, problems + [(CheckProblem(.wrongHash, path(.text), "SHA-256 differs from \(path(.metadata)): the text was altered or damaged", repairable: false), nil)])
        }
        if let rawHash = metadata.rawSHA256 {
            if let raw = try? DurableFile.read(path(.raw)) {
                if SHA256.hex(raw) != rawHash {
                    problems.append((CheckProblem(.wrongHash, path(.raw), "SHA-256 differs from \(path(.metadata))", repairable: false), nil))
                }
            } else {
                problems.append((CheckProblem(.missingVersion, path(.raw), "the raw bytes of version \(version) are missing", repairable: false), nil))
            }
        }
        let text = String(decoding: textBytes, as: UTF8.self)
        guard version > 1 else { return (text, problems) }
        guard let previous else { return (text, problems) } // the previous version is already reported
        let rebuild = StoreChecker.Repair { _ throws(StoreError) in
            let diff = UnifiedDiff.make(from: previous, to: text, oldLabel: StoreLayout.versionName(version - 1) + ".txt", newLabel: StoreLayout.versionName(version) + ".txt")
            try DurableFile.write(Array(diff.utf8), to: path(.diff))
        }
        guard let diffBytes = try? DurableFile.read(path(.diff)) else {
            problems.append((CheckProblem(.missingDiff, path(.diff), "the diff against version \(version - 1) is missing", repairable: true), rebuild))
            return (text, problems)
        }
        do {
            let patched = try UnifiedPatch.apply(String(decoding: diffBytes, as: UTF8.self), to: previous)
            if !patched.utf8.elementsEqual(textBytes) {
                problems.append((CheckProblem(.wrongDiff, path(.diff), "applied to version \(version - 1) it does not give version \(version)", repairable: true), rebuild))
            }
        } catch {
            problems.append((CheckProblem(.wrongDiff, path(.diff), "\(error)", repairable: true), rebuild))
        }
        return (text, problems)
    }

    private func checkAlignments(_ report: inout CheckReport, _ paragraphCounts: [String: [Int: Int]], _ committed: [String: [Int]]) -> [(CheckProblem, StoreChecker.Repair?)] {
        let folder = layout.alignFolder(release.source, release.key)
        var found: [(CheckProblem, StoreChecker.Repair?)] = []
        for name in ((try? DurableFile.list(folder)) ?? []).sorted() {
            let path = folder + "/" + name
            if let problem = StoreChecker.linkProblem(path) {
                found.append(problem)
                continue
            }
            if name.hasPrefix(DurableFile.temporaryPrefix) {
                found.append((CheckProblem(.leftover, path, "temporary file of an interrupted write", repairable: true), .remove(path)))
                continue
            }
            guard name.hasSuffix(".json") else {
                found.append((CheckProblem(.unexpectedFile, path, "not an alignment (en-fr.json)", repairable: false), nil))
                continue
            }
            report.alignments += 1
            let record: AlignmentRecord
            do {
                guard let decoded = try store.decode(AlignmentRecord.self, at: path) else { continue }
                record = decoded
            } catch {
                found.append((CheckProblem(.unreadable, path, error.checkDescription, repairable: false), nil))
                continue
            }
            // An alignment is derived data: readers align without it, and the sync aligns again once the release changes.
            let repair = StoreChecker.Repair.remove(path)
            if name != record.pair + ".json" {
                found.append((CheckProblem(.unreadable, path, "holds the \(record.pair) alignment", repairable: false), nil))
            }
            var counts: [Int] = []
            for side in [record.source, record.target] {
                if (committed[side.language] ?? []).isEmpty {
                    // The alignment is then a trace of a lost language: kept, like the index.
                    let languageFolder = layout.languageFolder(release.source, release.key, side.language)
                    found.append((CheckProblem(.missingLanguage, path, "aligns \(side.language) version \(side.version), but no version of \(side.language) is stored: restore \(languageFolder) from a backup", repairable: false), nil))
                    break
                }
                guard let count = paragraphCounts[side.language]?[side.version] else {
                    if !(committed[side.language] ?? []).contains(side.version) {
                        found.append((CheckProblem(.danglingAlignment, path, "points to \(side.language) version \(side.version), which does not exist; --repair removes it (readers then align the versions themselves, the sync when the release next changes)", repairable: true), repair))
                    }
                    break  // a version whose text is damaged is reported on its own
                }
                counts.append(count)
            }
            if counts.count == 2, let flaw = record.flaw(sourceParagraphs: counts[0], targetParagraphs: counts[1]) {
                found.append((CheckProblem(.invalidAlignment, path, "\(flaw); --repair removes it (readers then align the versions themselves, the sync when the release next changes)", repairable: true), repair))
            }
        }
        return found
    }
}
