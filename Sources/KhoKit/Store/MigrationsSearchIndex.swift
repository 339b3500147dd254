import GRDB

/// Migrations v6 and v9 as they ran: the 25 built-in document kinds and the search index (two contentless FTS5 tables
/// and the triggers that keep them), in the SQL that SearchIndex wrote when v9 landed. Frozen history: never edit;
/// a change to how rows are indexed is a new migration.
extension Migrations {
    /// v6-documents, after its tables: the built-in kinds, then the search index over what the catalogue holds.
    static func v6KindsAndSearchIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO document_kind (key, vi, en, abbreviation) VALUES
                ('nghi_quyet', 'Nghị quyết', 'Resolution', 'NQ'),
                ('quyet_dinh', 'Quyết định', 'Decision', 'QĐ'),
                ('chi_thi', 'Chỉ thị', 'Directive', 'CT'),
                ('quy_che', 'Quy chế', 'Regulation', 'QC'),
                ('thong_bao', 'Thông báo', 'Notice', 'TB'),
                ('huong_dan', 'Hướng dẫn', 'Guidance', 'HD'),
                ('chuong_trinh', 'Chương trình', 'Programme', 'CTr'),
                ('ke_hoach', 'Kế hoạch', 'Plan', 'KH'),
                ('phuong_an', 'Phương án', 'Scheme', 'PA'),
                ('de_an', 'Đề án', 'Project', 'ĐA'),
                ('bao_cao', 'Báo cáo', 'Report', 'BC'),
                ('bien_ban', 'Biên bản', 'Minutes', 'BB'),
                ('to_trinh', 'Tờ trình', 'Submission', 'TTr'),
                ('hop_dong', 'Hợp đồng', 'Contract', 'HĐ'),
                ('cong_van', 'Công văn', 'Official letter', 'CV'),
                ('cong_dien', 'Công điện', 'Official telegram', 'CĐ'),
                ('giay_moi', 'Giấy mời', 'Invitation', 'GM'),
                ('giay_chung_nhan', 'Giấy chứng nhận', 'Certificate', 'GCN'),
                ('giay_xac_nhan', 'Giấy xác nhận', 'Confirmation', 'GXN'),
                ('danh_sach', 'Danh sách', 'List', 'DS'),
                ('don', 'Đơn', 'Petition', ''),
                ('to_khai', 'Tờ khai', 'Declaration form', ''),
                ('ban_do', 'Bản đồ', 'Map', ''),
                ('ban_ve', 'Bản vẽ', 'Drawing', ''),
                ('khac', 'Khác', 'Other', '');
                """)
        try db.execute(sql: "CREATE TABLE search_pause (paused INTEGER NOT NULL)")
        try db.execute(sql: searchIndexV9)
    }

    /// v9-search-contentless: the index and its triggers dropped and built again, contentless.
    static func v9SearchContentless(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER IF EXISTS file_search_insert;
                DROP TRIGGER IF EXISTS file_search_update;
                DROP TRIGGER IF EXISTS file_search_delete;
                DROP TRIGGER IF EXISTS document_search_insert;
                DROP TRIGGER IF EXISTS document_search_update;
                DROP TRIGGER IF EXISTS document_search_delete;
                DROP TRIGGER IF EXISTS pdf_text_search_insert;
                DROP TRIGGER IF EXISTS pdf_text_search_update;
                DROP TRIGGER IF EXISTS pdf_text_search_delete;
                DROP TRIGGER IF EXISTS document_kind_search_insert;
                DROP TRIGGER IF EXISTS document_kind_search_update;
                DROP TRIGGER IF EXISTS document_kind_search_delete;
                DROP TABLE IF EXISTS search_folded;
                DROP TABLE IF EXISTS search_exact;
                """)
        try db.execute(sql: searchIndexV9)
    }

    /// The search index as v9 builds it (and v6, which ran before it, in a catalogue made from scratch): the two
    /// tables, their triggers, and an index of every row already in `file`, `document` and `pdf_text`.
    private static let searchIndexV9 = """
        CREATE VIRTUAL TABLE search_folded USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE search_exact USING fts5(text, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 0');
        INSERT INTO search_folded (search_folded, rank) VALUES ('automerge', 8);
        INSERT INTO search_exact (search_exact, rank) VALUES ('automerge', 8);
        CREATE TRIGGER file_search_insert AFTER INSERT ON file
        WHEN NOT EXISTS (SELECT 1 FROM search_pause) BEGIN INSERT INTO search_folded (rowid, text) VALUES (NEW.id * 4 + 0, replace(replace(printf('%s %s %s', NEW.title, NEW.notes, NEW.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (rowid, text) VALUES (NEW.id * 4 + 0, printf('%s %s %s', NEW.title, NEW.notes, NEW.keywords)); END;
        CREATE TRIGGER file_search_update AFTER UPDATE OF id, title, notes, keywords ON file
        BEGIN INSERT INTO search_folded (search_folded, rowid, text) VALUES ('delete', OLD.id * 4 + 0, replace(replace(printf('%s %s %s', OLD.title, OLD.notes, OLD.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (search_exact, rowid, text) VALUES ('delete', OLD.id * 4 + 0, printf('%s %s %s', OLD.title, OLD.notes, OLD.keywords)); INSERT INTO search_folded (rowid, text) VALUES (NEW.id * 4 + 0, replace(replace(printf('%s %s %s', NEW.title, NEW.notes, NEW.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (rowid, text) VALUES (NEW.id * 4 + 0, printf('%s %s %s', NEW.title, NEW.notes, NEW.keywords)); END;
        CREATE TRIGGER file_search_delete AFTER DELETE ON file BEGIN INSERT INTO search_folded (search_folded, rowid, text) VALUES ('delete', OLD.id * 4 + 0, replace(replace(printf('%s %s %s', OLD.title, OLD.notes, OLD.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (search_exact, rowid, text) VALUES ('delete', OLD.id * 4 + 0, printf('%s %s %s', OLD.title, OLD.notes, OLD.keywords)); END;
        INSERT INTO search_folded (rowid, text) SELECT r.id * 4 + 0, replace(replace(printf('%s %s %s', r.title, r.notes, r.keywords), 'đ', 'd'), 'Đ', 'd') FROM file r;
        INSERT INTO search_exact (rowid, text) SELECT r.id * 4 + 0, printf('%s %s %s', r.title, r.notes, r.keywords) FROM file r;
        CREATE TRIGGER document_search_insert AFTER INSERT ON document
        WHEN NOT EXISTS (SELECT 1 FROM search_pause) BEGIN INSERT INTO search_folded (rowid, text) VALUES (NEW.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = NEW.kind), ''), NEW.number, NEW.symbol, NEW.issuer, NEW.summary, NEW.notes, NEW.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (rowid, text) VALUES (NEW.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = NEW.kind), ''), NEW.number, NEW.symbol, NEW.issuer, NEW.summary, NEW.notes, NEW.keywords)); END;
        CREATE TRIGGER document_search_update AFTER UPDATE OF id, kind, number, symbol, issuer, summary, notes, keywords ON document
        BEGIN INSERT INTO search_folded (search_folded, rowid, text) VALUES ('delete', OLD.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = OLD.kind), ''), OLD.number, OLD.symbol, OLD.issuer, OLD.summary, OLD.notes, OLD.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (search_exact, rowid, text) VALUES ('delete', OLD.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = OLD.kind), ''), OLD.number, OLD.symbol, OLD.issuer, OLD.summary, OLD.notes, OLD.keywords)); INSERT INTO search_folded (rowid, text) VALUES (NEW.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = NEW.kind), ''), NEW.number, NEW.symbol, NEW.issuer, NEW.summary, NEW.notes, NEW.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (rowid, text) VALUES (NEW.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = NEW.kind), ''), NEW.number, NEW.symbol, NEW.issuer, NEW.summary, NEW.notes, NEW.keywords)); END;
        CREATE TRIGGER document_search_delete AFTER DELETE ON document BEGIN INSERT INTO search_folded (search_folded, rowid, text) VALUES ('delete', OLD.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = OLD.kind), ''), OLD.number, OLD.symbol, OLD.issuer, OLD.summary, OLD.notes, OLD.keywords), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (search_exact, rowid, text) VALUES ('delete', OLD.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = OLD.kind), ''), OLD.number, OLD.symbol, OLD.issuer, OLD.summary, OLD.notes, OLD.keywords)); END;
        INSERT INTO search_folded (rowid, text) SELECT r.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE(k.vi, ''), r.number, r.symbol, r.issuer, r.summary, r.notes, r.keywords), 'đ', 'd'), 'Đ', 'd') FROM document r LEFT JOIN document_kind k ON k.key = r.kind;
        INSERT INTO search_exact (rowid, text) SELECT r.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE(k.vi, ''), r.number, r.symbol, r.issuer, r.summary, r.notes, r.keywords) FROM document r LEFT JOIN document_kind k ON k.key = r.kind;
        CREATE TRIGGER pdf_text_search_insert AFTER INSERT ON pdf_text
        WHEN NOT EXISTS (SELECT 1 FROM search_pause) BEGIN INSERT INTO search_folded (rowid, text) VALUES (NEW.file_id * 4 + 2, replace(replace(printf('%s', NEW.text), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (rowid, text) VALUES (NEW.file_id * 4 + 2, printf('%s', NEW.text)); END;
        CREATE TRIGGER pdf_text_search_update AFTER UPDATE OF file_id, text ON pdf_text
        BEGIN INSERT INTO search_folded (search_folded, rowid, text) VALUES ('delete', OLD.file_id * 4 + 2, replace(replace(printf('%s', OLD.text), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (search_exact, rowid, text) VALUES ('delete', OLD.file_id * 4 + 2, printf('%s', OLD.text)); INSERT INTO search_folded (rowid, text) VALUES (NEW.file_id * 4 + 2, replace(replace(printf('%s', NEW.text), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (rowid, text) VALUES (NEW.file_id * 4 + 2, printf('%s', NEW.text)); END;
        CREATE TRIGGER pdf_text_search_delete AFTER DELETE ON pdf_text BEGIN INSERT INTO search_folded (search_folded, rowid, text) VALUES ('delete', OLD.file_id * 4 + 2, replace(replace(printf('%s', OLD.text), 'đ', 'd'), 'Đ', 'd'));
        INSERT INTO search_exact (search_exact, rowid, text) VALUES ('delete', OLD.file_id * 4 + 2, printf('%s', OLD.text)); END;
        INSERT INTO search_folded (rowid, text) SELECT r.file_id * 4 + 2, replace(replace(printf('%s', r.text), 'đ', 'd'), 'Đ', 'd') FROM pdf_text r;
        INSERT INTO search_exact (rowid, text) SELECT r.file_id * 4 + 2, printf('%s', r.text) FROM pdf_text r;
        CREATE TRIGGER document_kind_search_insert AFTER INSERT ON document_kind
        BEGIN INSERT INTO search_folded (search_folded, rowid, text) SELECT 'delete', d.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', '', d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords), 'đ', 'd'), 'Đ', 'd') FROM document d WHERE d.kind IN (NEW.key);
        INSERT INTO search_exact (search_exact, rowid, text) SELECT 'delete', d.id * 4 + 1, printf('%s %s/%s %s %s %s %s', '', d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords) FROM document d WHERE d.kind IN (NEW.key);
        INSERT INTO search_folded (rowid, text) SELECT d.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = d.kind), ''), d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords), 'đ', 'd'), 'Đ', 'd') FROM document d WHERE d.kind IN (NEW.key);
        INSERT INTO search_exact (rowid, text) SELECT d.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = d.kind), ''), d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords) FROM document d WHERE d.kind IN (NEW.key); END;
        CREATE TRIGGER document_kind_search_update AFTER UPDATE OF key, vi ON document_kind
        BEGIN INSERT INTO search_folded (search_folded, rowid, text) SELECT 'delete', d.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', CASE WHEN d.kind = OLD.key THEN OLD.vi ELSE '' END, d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords), 'đ', 'd'), 'Đ', 'd') FROM document d WHERE d.kind IN (OLD.key, NEW.key);
        INSERT INTO search_exact (search_exact, rowid, text) SELECT 'delete', d.id * 4 + 1, printf('%s %s/%s %s %s %s %s', CASE WHEN d.kind = OLD.key THEN OLD.vi ELSE '' END, d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords) FROM document d WHERE d.kind IN (OLD.key, NEW.key);
        INSERT INTO search_folded (rowid, text) SELECT d.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = d.kind), ''), d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords), 'đ', 'd'), 'Đ', 'd') FROM document d WHERE d.kind IN (OLD.key, NEW.key);
        INSERT INTO search_exact (rowid, text) SELECT d.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = d.kind), ''), d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords) FROM document d WHERE d.kind IN (OLD.key, NEW.key); END;
        CREATE TRIGGER document_kind_search_delete AFTER DELETE ON document_kind
        BEGIN INSERT INTO search_folded (search_folded, rowid, text) SELECT 'delete', d.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', OLD.vi, d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords), 'đ', 'd'), 'Đ', 'd') FROM document d WHERE d.kind IN (OLD.key);
        INSERT INTO search_exact (search_exact, rowid, text) SELECT 'delete', d.id * 4 + 1, printf('%s %s/%s %s %s %s %s', OLD.vi, d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords) FROM document d WHERE d.kind IN (OLD.key);
        INSERT INTO search_folded (rowid, text) SELECT d.id * 4 + 1, replace(replace(printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = d.kind), ''), d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords), 'đ', 'd'), 'Đ', 'd') FROM document d WHERE d.kind IN (OLD.key);
        INSERT INTO search_exact (rowid, text) SELECT d.id * 4 + 1, printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = d.kind), ''), d.number, d.symbol, d.issuer, d.summary, d.notes, d.keywords) FROM document d WHERE d.kind IN (OLD.key); END;
        """
}
