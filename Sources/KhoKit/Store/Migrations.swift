import GRDB

/// The catalogue's schema, as named migrations; a migration is never edited once it has landed, and calls no code of
/// kho's but its own frozen SQL (v6, v9 and v11 in `MigrationsSearchIndex.swift` and `MigrationsAppendOnlyLog.swift`).
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalogue") { db in
            try db.execute(
                sql: """
                    CREATE TABLE fonds (
                        id INTEGER PRIMARY KEY,
                        code TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        notes TEXT NOT NULL DEFAULT ''
                    );
                    CREATE TABLE box (
                        id INTEGER PRIMARY KEY,
                        code TEXT NOT NULL UNIQUE,
                        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
                        extent_mm INTEGER NOT NULL CHECK (extent_mm > 0),
                        location TEXT NOT NULL DEFAULT '',
                        start_year INTEGER,
                        end_year INTEGER,
                        condition TEXT NOT NULL DEFAULT 'good',
                        notes TEXT NOT NULL DEFAULT '',
                        from_box_id INTEGER REFERENCES box(id),
                        arrangement TEXT NOT NULL DEFAULT 'unarranged'
                            CHECK (arrangement IN ('unarranged', 'in_progress', 'arranged')),
                        kept_mm INTEGER
                    );
                    CREATE INDEX box_fonds ON box(fonds_id);
                    CREATE INDEX box_from ON box(from_box_id);
                    CREATE TABLE file (
                        id INTEGER PRIMARY KEY,
                        box_id INTEGER NOT NULL REFERENCES box(id),
                        code TEXT NOT NULL,
                        title TEXT NOT NULL,
                        start_year INTEGER,
                        end_year INTEGER,
                        retention TEXT,
                        access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'restricted', 'secret')),
                        sheets INTEGER CHECK (sheets IS NULL OR sheets >= 0),
                        condition TEXT NOT NULL DEFAULT 'good',
                        notes TEXT NOT NULL DEFAULT '',
                        scan_state TEXT NOT NULL DEFAULT 'none'
                            CHECK (scan_state IN ('none', 'recorded', 'passed', 'rescan', 'delivered')),
                        pages INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (box_id, code)
                    );
                    -- Covers the per-box, per-rung counts that `kho status` reads, so it never touches the table.
                    CREATE INDEX file_stats ON file(box_id, access, scan_state, sheets, pages);
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        uid TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        recorder TEXT NOT NULL,
                        happened_at INTEGER NOT NULL,
                        happened_day TEXT NOT NULL,
                        recorded_at INTEGER NOT NULL,
                        opening INTEGER NOT NULL DEFAULT 0,
                        fonds_id INTEGER REFERENCES fonds(id),
                        box_id INTEGER REFERENCES box(id),
                        file_id INTEGER REFERENCES file(id),
                        metres_mm INTEGER,
                        kept_mm INTEGER,
                        sheets INTEGER,
                        pages INTEGER,
                        bytes INTEGER,
                        undoes INTEGER REFERENCES event(id),
                        supersedes INTEGER REFERENCES event(id),
                        detail TEXT NOT NULL DEFAULT '{}'
                    );
                    CREATE INDEX event_box ON event(box_id);
                    CREATE INDEX event_file ON event(file_id);
                    CREATE INDEX event_kind_day ON event(kind, happened_day);
                    CREATE INDEX event_undoes ON event(undoes);
                    CREATE INDEX event_supersedes ON event(supersedes);
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-scanning") { db in
            try db.execute(
                sql: """
                    CREATE TABLE master (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES file(id),
                        rel_path TEXT NOT NULL UNIQUE,
                        root TEXT NOT NULL,
                        disk_path TEXT NOT NULL,
                        name TEXT NOT NULL,
                        device INTEGER NOT NULL,
                        inode INTEGER NOT NULL,
                        size INTEGER NOT NULL,
                        mtime_ns INTEGER NOT NULL,
                        ctime_ns INTEGER NOT NULL,
                        sha256 TEXT,
                        pages INTEGER NOT NULL,
                        readable INTEGER NOT NULL,
                        profile TEXT NOT NULL,
                        problems TEXT NOT NULL DEFAULT '[]',
                        problem_count INTEGER NOT NULL DEFAULT 0,
                        metadata TEXT NOT NULL DEFAULT '{}',
                        scanned_at INTEGER,
                        ingested_at INTEGER NOT NULL,
                        verified_at INTEGER,
                        missing INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX master_file ON master(file_id);
                    """)
        }
        migrator.registerMigration("v3-estimates") { db in
            try db.execute(
                sql: """
                    CREATE TABLE saved_estimate (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        actor TEXT NOT NULL,
                        recorder TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        version TEXT NOT NULL,
                        inputs TEXT NOT NULL,
                        result TEXT NOT NULL
                    );
                    """)
        }
        // Complete files and fixity that remembers: two side rungs (`mismatch`: pages outside sheets…2 × sheets;
        // `review`: a checked master's content changed) and `rebuild` for delivery copies; each master keeps its
        // reference SHA-256 apart from the content last seen, and the history of accepted hashes.
        migrator.registerMigration("v4-complete-files-fixity") { db in
            try db.execute(
                sql: """
                    CREATE TABLE new_file (
                        id INTEGER PRIMARY KEY,
                        box_id INTEGER NOT NULL REFERENCES box(id),
                        code TEXT NOT NULL,
                        title TEXT NOT NULL,
                        start_year INTEGER,
                        end_year INTEGER,
                        retention TEXT,
                        access TEXT NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'restricted', 'secret')),
                        sheets INTEGER CHECK (sheets IS NULL OR sheets >= 0),
                        condition TEXT NOT NULL DEFAULT 'good',
                        notes TEXT NOT NULL DEFAULT '',
                        scan_state TEXT NOT NULL DEFAULT 'none'
                            CHECK (scan_state IN ('none', 'recorded', 'passed', 'rescan', 'mismatch', 'review', 'rebuild', 'delivered')),
                        pages INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (box_id, code)
                    );
                    INSERT INTO new_file (id, box_id, code, title, start_year, end_year, retention, access, sheets, condition, notes,
                                          scan_state, pages)
                        SELECT id, box_id, code, title, start_year, end_year, retention, access, sheets, condition, notes, scan_state, pages
                        FROM file;
                    DROP TABLE file;
                    ALTER TABLE new_file RENAME TO file;
                    CREATE INDEX file_stats ON file(box_id, access, scan_state, sheets, pages);
                    ALTER TABLE master ADD COLUMN seen_sha256 TEXT;
                    ALTER TABLE master ADD COLUMN changed_at INTEGER;
                    CREATE TABLE master_hash (
                        id INTEGER PRIMARY KEY,
                        master_id INTEGER NOT NULL REFERENCES master(id),
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        since INTEGER NOT NULL,
                        reason TEXT NOT NULL,
                        event_id INTEGER REFERENCES event(id)
                    );
                    CREATE INDEX master_hash_master ON master_hash(master_id);
                    CREATE INDEX master_sha256 ON master(sha256);
                    INSERT INTO master_hash (master_id, sha256, size, since, reason)
                        SELECT id, sha256, size, ingested_at, 'ingest' FROM master WHERE sha256 IS NOT NULL;
                    """)
        }
        // The legal digital copy: each fonds' archival code rule (mã hồ sơ), each file's number in its fonds (fixed
        // when the fonds' first copy is built), and every PDF/A copy built, with what it was made from. A code
        // delivered for one file is never delivered for another (trigger).
        migrator.registerMigration("v5-delivery") { db in
            try db.execute(
                sql: """
                    CREATE TABLE archive_rule (
                        fonds_id INTEGER PRIMARY KEY REFERENCES fonds(id),
                        pattern TEXT NOT NULL,
                        inventory TEXT
                    );
                    CREATE TABLE archive_number (
                        file_id INTEGER PRIMARY KEY REFERENCES file(id),
                        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
                        number INTEGER NOT NULL CHECK (number > 0),
                        event_id INTEGER REFERENCES event(id),
                        UNIQUE (fonds_id, number)
                    );
                    CREATE TABLE pdf_copy (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES file(id),
                        event_id INTEGER NOT NULL REFERENCES event(id),
                        archive_id TEXT NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        pages INTEGER NOT NULL CHECK (pages > 0),
                        bytes INTEGER NOT NULL CHECK (bytes > 0),
                        pdfa TEXT NOT NULL,
                        ocr_engine TEXT NOT NULL,
                        ocr_language TEXT NOT NULL,
                        tools TEXT NOT NULL DEFAULT '{}',
                        mean_confidence REAL,
                        text_pages TEXT NOT NULL DEFAULT '',
                        seconds REAL NOT NULL,
                        settings TEXT NOT NULL DEFAULT '{}',
                        sources TEXT NOT NULL,
                        built_at INTEGER NOT NULL,
                        verified_at INTEGER
                    );
                    CREATE INDEX pdf_copy_file ON pdf_copy(file_id);
                    CREATE INDEX pdf_copy_archive_id ON pdf_copy(archive_id);
                    CREATE TRIGGER pdf_copy_archive_id_unique BEFORE INSERT ON pdf_copy
                    WHEN EXISTS (SELECT 1 FROM pdf_copy c WHERE c.archive_id = NEW.archive_id AND c.file_id != NEW.file_id)
                    BEGIN
                        SELECT RAISE(ABORT, 'archive_id already delivered for another file');
                    END;
                    """)
        }
        migrator.registerMigration("v6-documents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document_kind (
                        key TEXT PRIMARY KEY,
                        vi TEXT NOT NULL,
                        en TEXT NOT NULL,
                        abbreviation TEXT NOT NULL DEFAULT ''
                    );
                    CREATE TABLE document (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES file(id),
                        seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 100000),
                        kind TEXT REFERENCES document_kind(key),
                        number TEXT NOT NULL DEFAULT '',
                        symbol TEXT NOT NULL DEFAULT '',
                        date TEXT NOT NULL DEFAULT '',
                        issuer TEXT NOT NULL DEFAULT '',
                        summary TEXT NOT NULL DEFAULT '',
                        language TEXT NOT NULL DEFAULT '',
                        pages INTEGER CHECK (pages IS NULL OR pages BETWEEN 0 AND 100000),
                        page_from INTEGER CHECK (page_from IS NULL OR page_from BETWEEN 1 AND 100000),
                        page_to INTEGER CHECK (page_to IS NULL OR page_to BETWEEN 1 AND 100000),
                        sheets TEXT NOT NULL DEFAULT '',
                        autograph INTEGER NOT NULL DEFAULT 0,
                        condition TEXT NOT NULL DEFAULT '',
                        notes TEXT NOT NULL DEFAULT '',
                        retention TEXT,
                        access TEXT,
                        keywords TEXT NOT NULL DEFAULT '',
                        info_symbol TEXT NOT NULL DEFAULT '',
                        reliability TEXT NOT NULL DEFAULT '',
                        added_event INTEGER REFERENCES event(id),
                        UNIQUE (file_id, seq),
                        CHECK (page_from IS NULL OR page_to IS NULL OR page_from <= page_to)
                    );
                    CREATE INDEX document_added ON document(added_event);
                    ALTER TABLE file ADD COLUMN language TEXT NOT NULL DEFAULT '';
                    ALTER TABLE file ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
                    ALTER TABLE file ADD COLUMN info_symbol TEXT NOT NULL DEFAULT '';
                    ALTER TABLE file ADD COLUMN reliability TEXT NOT NULL DEFAULT '';
                    ALTER TABLE file ADD COLUMN paper_code TEXT NOT NULL DEFAULT '';
                    ALTER TABLE file ADD COLUMN backup_mode TEXT NOT NULL DEFAULT '';
                    ALTER TABLE file ADD COLUMN backup_state TEXT NOT NULL DEFAULT '';
                    CREATE TABLE pdf_text (
                        file_id INTEGER PRIMARY KEY REFERENCES file(id),
                        text TEXT NOT NULL
                    );
                    """)
            // The index as v9 builds it (it is derived data; v9 rebuilds it in every catalogue).
            try v6KindsAndSearchIndex(db)
        }
        // The archivist's working day (issue 14): risks marked on shelf locations (one row per location, the risks as
        // sorted comma-separated keys) and custody (who has a box or a file out of the store, since when, why, until
        // when). At most one open custody per box (whole box) and per file, enforced by partial unique indexes.
        migrator.registerMigration("v7-archivist-a") { db in
            try db.execute(
                sql: """
                    CREATE TABLE location_risk (
                        location TEXT PRIMARY KEY CHECK (location <> ''),
                        risks TEXT NOT NULL CHECK (risks <> ''),
                        note TEXT NOT NULL DEFAULT '',
                        event_id INTEGER NOT NULL REFERENCES event(id)
                    );
                    CREATE TABLE custody (
                        id INTEGER PRIMARY KEY,
                        box_id INTEGER NOT NULL REFERENCES box(id),
                        file_id INTEGER REFERENCES file(id),
                        holder TEXT NOT NULL CHECK (holder <> ''),
                        purpose TEXT NOT NULL CHECK (purpose IN ('scan', 'read', 'repair', 'lend')),
                        due_day TEXT,
                        out_at INTEGER NOT NULL,
                        out_event_id INTEGER NOT NULL UNIQUE REFERENCES event(id),
                        in_at INTEGER,
                        in_event_id INTEGER UNIQUE REFERENCES event(id),
                        CHECK ((in_at IS NULL) = (in_event_id IS NULL))
                    );
                    CREATE INDEX custody_box ON custody(box_id);
                    CREATE INDEX custody_file ON custody(file_id);
                    CREATE UNIQUE INDEX custody_open_box ON custody(box_id) WHERE file_id IS NULL AND in_event_id IS NULL;
                    CREATE UNIQUE INDEX custody_open_file ON custody(file_id) WHERE file_id IS NOT NULL AND in_event_id IS NULL;
                    """)
        }
        // The archivist's working day (issue 14, part b): which event registered each box and file (so that undoing an
        // import removes exactly its rows), the destruction list (danh mục tài liệu hết giá trị) with the appraisal
        // council's decisions and the destruction records. Registered last: main's v6 and the other helper's v7 come
        // before it.
        migrator.registerMigration("v8-archivist-b") { db in
            try db.execute(
                sql: """
                    ALTER TABLE box ADD COLUMN added_by INTEGER REFERENCES event(id);
                    ALTER TABLE file ADD COLUMN added_by INTEGER REFERENCES event(id);
                    CREATE TABLE weed_decision (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('approval', 'destruction')),
                        fonds_id INTEGER NOT NULL REFERENCES fonds(id),
                        reference TEXT NOT NULL CHECK (reference != ''),
                        day TEXT NOT NULL,
                        event_id INTEGER NOT NULL REFERENCES event(id)
                    );
                    CREATE TABLE weed_item (
                        id INTEGER PRIMARY KEY,
                        box_id INTEGER NOT NULL REFERENCES box(id),
                        title TEXT NOT NULL CHECK (title != ''),
                        start_year INTEGER,
                        end_year INTEGER,
                        quantity_mm INTEGER CHECK (quantity_mm IS NULL OR quantity_mm > 0),
                        sheets INTEGER CHECK (sheets IS NULL OR sheets > 0),
                        reason TEXT NOT NULL CHECK (reason != ''),
                        notes TEXT NOT NULL DEFAULT '',
                        added_by INTEGER NOT NULL REFERENCES event(id),
                        approval_id INTEGER REFERENCES weed_decision(id),
                        destruction_id INTEGER REFERENCES weed_decision(id),
                        CHECK (quantity_mm IS NOT NULL OR sheets IS NOT NULL),
                        CHECK (destruction_id IS NULL OR approval_id IS NOT NULL)
                    );
                    CREATE INDEX weed_item_box ON weed_item(box_id);
                    CREATE INDEX weed_item_added_by ON weed_item(added_by);
                    CREATE INDEX weed_item_approval ON weed_item(approval_id);
                    CREATE INDEX weed_item_destruction ON weed_item(destruction_id);
                    """)
        }
        // The search index without its copy of every text (contentless FTS5 tables, issue 13's import speed): rebuilt
        // from the catalogue, with triggers that forget a row by the text it was indexed with.
        migrator.registerMigration("v9-search-contentless") { db in
            try v9SearchContentless(db)
        }
        // A master gone from disk stays on record as missing (with its last SHA-256) until a person accepts the loss:
        // the accepting `scan.accept` event (reason `lost`) is kept here; a rescan at the same path clears it.
        migrator.registerMigration("v10-missing-masters") { db in
            try db.execute(sql: "ALTER TABLE master ADD COLUMN lost_event INTEGER REFERENCES event(id)")
        }
        // The append-only log (issue 21, item 6): no event is ever changed or deleted, and deleted rows keep their
        // ids, which are never given to another row (``v11AppendOnlyLog(_:)``).
        migrator.registerMigration("v11-append-only-log") { db in
            try v11AppendOnlyLog(db)
        }
        // Copies that are checked (issue 27): every place masters and PDF/A copies are kept, the primary (where
        // operators scan) registered from the start, and what kho placed on or found at each copy, by path there.
        migrator.registerMigration("v15-copies") { db in
            try db.execute(
                sql: """
                    CREATE TABLE copy_site (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        path TEXT NOT NULL DEFAULT '',
                        place TEXT NOT NULL DEFAULT '',
                        offsite INTEGER NOT NULL DEFAULT 0,
                        is_primary INTEGER NOT NULL DEFAULT 0,
                        marker TEXT NOT NULL DEFAULT '',
                        added_at INTEGER NOT NULL,
                        removed_at INTEGER,
                        last_sync_at INTEGER,
                        last_audit_at INTEGER,
                        catalogue_at INTEGER,
                        master_files INTEGER NOT NULL DEFAULT 0,
                        master_bytes INTEGER NOT NULL DEFAULT 0,
                        pdf_files INTEGER NOT NULL DEFAULT 0,
                        pdf_bytes INTEGER NOT NULL DEFAULT 0,
                        problems INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE UNIQUE INDEX copy_site_name ON copy_site(name) WHERE removed_at IS NULL;
                    INSERT INTO copy_site (name, place, is_primary, added_at)
                        VALUES ('primary', '', 1, CAST(strftime('%s', 'now') AS INTEGER));
                    CREATE TABLE copy_file (
                        copy_id INTEGER NOT NULL REFERENCES copy_site(id),
                        rel_path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        state TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'missing', 'changed', 'unreadable')),
                        placed_at INTEGER NOT NULL,
                        verified_at INTEGER,
                        PRIMARY KEY (copy_id, rel_path)
                    ) WITHOUT ROWID;
                    -- What each copy should hold, counted from a small index instead of the wide master rows.
                    CREATE INDEX master_copy_expected ON master(size) WHERE sha256 IS NOT NULL AND NOT missing;
                    """)
        }
        // People who log in to `kho serve` (issue 24): bcrypt hashes, roles, lock-out after wrong passwords.
        // Sessions live in the server's memory, never here.
        migrator.registerMigration("v13-users") { db in
            try db.execute(
                sql: """
                    CREATE TABLE users (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE CHECK (name != ''),
                        full_name TEXT NOT NULL CHECK (full_name != ''),
                        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'archivist', 'leader')),
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failed_attempts INTEGER NOT NULL DEFAULT 0,
                        locked_until INTEGER,
                        lang TEXT NOT NULL DEFAULT 'vi' CHECK (lang IN ('vi', 'en')),
                        created_at INTEGER NOT NULL
                    );
                    """)
        }
        // Full scale (issue 23): nothing that runs once per master, file or document may read a whole table. The
        // duplicate check of ingest looks a SHA-256 up among the contents seen since the last check (seen_sha256);
        // an ingest finds the files with masters from its root by seeks (master_root_file), not by reading them all;
        // a location mark counts the boxes under it by a range of box_location; the estimate reads the median bytes
        // per page from master_bytes_per_page (covering: the middle entries, not every master).
        migrator.registerMigration("v12-scale-indexes") { db in
            try db.execute(
                sql: """
                    CREATE INDEX master_seen_sha256 ON master(seen_sha256) WHERE seen_sha256 IS NOT NULL;
                    CREATE INDEX master_root_file ON master(root, file_id) WHERE NOT missing;
                    CREATE INDEX box_location ON box(location);
                    CREATE INDEX master_bytes_per_page
                        ON master(CAST(size AS REAL) / pages, size, pages, readable, missing, problem_count)
                        WHERE readable AND NOT missing AND problem_count = 0 AND pages > 0 AND size > 0;
                    """)
        }
        // The duplicate check finds a SHA-256 by its first 12 hex digits (48 bits; the full digest is compared after)
        // in `master_digest`, kept by triggers for every write of a master. SHA-256 keys are random: in one index of
        // half a million, each new master dirtied a page of its own (2,000 of them written to the WAL and back for
        // 3,000 masters). So new digests go into a small index of the recent ones (`merged = 0`), and an ingest that
        // leaves more than ``MasterDigests/mergeAt`` of them moves them into the big one in one pass, each of its pages
        // written once for thousands of digests (``MasterDigests``).
        migrator.registerMigration("v16-master-digests") { db in
            try db.execute(
                sql: """
                    DROP INDEX master_sha256;
                    CREATE TABLE master_digest (
                        master_id INTEGER PRIMARY KEY,
                        prefix TEXT NOT NULL,
                        merged INTEGER NOT NULL DEFAULT 0 CHECK (merged IN (0, 1))
                    );
                    INSERT INTO master_digest (master_id, prefix, merged)
                        SELECT id, substr(sha256, 1, 12), 1 FROM master WHERE sha256 IS NOT NULL;
                    CREATE INDEX master_digest_merged ON master_digest(prefix) WHERE merged = 1;
                    CREATE INDEX master_digest_recent ON master_digest(prefix) WHERE merged = 0;
                    CREATE TRIGGER master_digest_insert AFTER INSERT ON master WHEN NEW.sha256 IS NOT NULL
                    BEGIN
                        INSERT INTO master_digest (master_id, prefix) VALUES (NEW.id, substr(NEW.sha256, 1, 12));
                    END;
                    CREATE TRIGGER master_digest_update AFTER UPDATE OF sha256 ON master
                    WHEN OLD.sha256 IS NOT NEW.sha256
                    BEGIN
                        DELETE FROM master_digest WHERE master_id = OLD.id;
                        INSERT INTO master_digest (master_id, prefix)
                            SELECT NEW.id, substr(NEW.sha256, 1, 12) WHERE NEW.sha256 IS NOT NULL;
                    END;
                    CREATE TRIGGER master_digest_delete AFTER DELETE ON master
                    BEGIN
                        DELETE FROM master_digest WHERE master_id = OLD.id;
                    END;
                    """)
        }
        // Reading commands at full scale: the masters that are not sound (unreadable, or never hashed; few in a working
        // catalogue) for the preservation levels and the estimate's stored bytes; the masters that need attention for
        // `kho scan problems` and the report; masters by path and by inode, and the
        // scans roots, for the check that no output overwrites a master (each output looked a path up in every row).
        // New masters land together in each of these (one file's masters, one root, inodes handed out in order).
        migrator.registerMigration("v17-full-scale-reads") { db in
            try db.execute(
                sql: """
                    CREATE INDEX master_unsound ON master(file_id, size)
                        WHERE NOT missing AND (NOT readable OR sha256 IS NULL);
                    CREATE INDEX master_disk_path ON master(disk_path);
                    CREATE INDEX master_inode ON master(inode, device);
                    CREATE INDEX master_root ON master(root);
                    CREATE INDEX master_attention ON master(file_id)
                        WHERE lost_event IS NULL AND (problem_count > 0 OR NOT readable OR missing OR seen_sha256 IS NOT NULL);
                    """)
        }
        // A trigger on a table makes every INSERT into it a statement that may write several rows, and SQLite keeps a
        // statement journal for such a statement: a copy of each page it touches (the master's row and its 11
        // indexes, 13 pages of 4 KiB per master), released at its end. That more than doubled the cost of writing a
        // master (3,000 masters' inserts alone: 145 ms with the trigger, 60 ms writing the digest as a statement of
        // its own). The ingest, the only writer of new masters, writes the digest itself (``ScanStore/writeMaster``);
        // the update and delete triggers stay (rare writes). `kho check` still finds a master without its digest
        // (code `digest`).
        migrator.registerMigration("v18-master-insert-without-trigger") { db in
            try db.execute(sql: "DROP TRIGGER master_digest_insert")
        }
        // The two indexes over every master's size were keyed by it (by bytes per page, by size): a master written
        // anywhere in them, each of an ingest's masters dirtied a page of its own in both, and 3,000 masters of the
        // sizes already on record cost an ingest into 500,000 masters 55 ms more than one into an empty catalogue
        // (the benchmark's masters had sizes of their own: it did not show). Keyed by id, new masters go at their end.
        // The median bytes per page is now selected from all of them read in id order (``EstimateStore``); what
        // every copy should hold is summed from master_copy_expected as before.
        migrator.registerMigration("v19-size-indexes-by-id") { db in
            try db.execute(
                sql: """
                    DROP INDEX master_bytes_per_page;
                    CREATE INDEX master_bytes_per_page ON master(id, size, pages)
                        WHERE readable AND NOT missing AND problem_count = 0 AND pages > 0 AND size > 0;
                    DROP INDEX master_copy_expected;
                    CREATE INDEX master_copy_expected ON master(id, size) WHERE sha256 IS NOT NULL AND NOT missing;
                    """)
        }
        return migrator
    }
}
