/// kho's glue around the field's tools, run by the Python that runs OCRmyPDF: img2pdf puts the masters' pages
/// into one PDF (without loss, or resampled/JPEG by Pillow when the settings say so), and pikepdf adds the Dublin
/// Core fields OCRmyPDF does not carry. No OCR and no PDF/A writing happens here: OCRmyPDF does both.
enum PdfGlue {
    /// Prints the versions of OCRmyPDF, img2pdf and pikepdf as JSON (and fails when one cannot be imported).
    static let versionsScript = """
        import json, ocrmypdf, img2pdf, pikepdf
        print(json.dumps({"ocrmypdf": ocrmypdf.__version__, "img2pdf": img2pdf.__version__, "pikepdf": pikepdf.__version__}))
        """

    /// `prepare SPEC.json`: the masters' pages, in order, into `spec.out`; on failure prints JSON naming the master
    /// and the page (counted in the file) that the tool could not read, with its message, and exits 3.
    static let prepareScript = """
        import io, json, sys
        spec = json.load(open(sys.argv[1], encoding="utf-8"))
        import img2pdf
        from PIL import Image
        Image.MAX_IMAGE_PIXELS = None
        masters = spec["masters"]
        dpi = spec.get("dpi")
        jpeg = spec.get("jpeg")

        def pages(m):
            im = Image.open(m["path"])
            i = 0
            while True:
                try:
                    im.seek(i)
                except EOFError:
                    return
                yield i, im
                i += 1

        def transformed(m):
            out = []
            for i, im in pages(m):
                im.load()
                frame = im.copy()
                res = im.info.get("dpi") or (300, 300)
                xdpi, ydpi = float(res[0] or 300), float(res[1] or 300)
                if dpi and xdpi > dpi:
                    scale = dpi / xdpi
                    frame = frame.resize((max(1, round(frame.width * scale)), max(1, round(frame.height * dpi / ydpi))), Image.LANCZOS)
                    xdpi, ydpi = float(dpi), float(dpi)
                buf = io.BytesIO()
                if jpeg and frame.mode != "1":
                    if frame.mode not in ("RGB", "L"):
                        frame = frame.convert("RGB")
                    frame.save(buf, "JPEG", quality=int(jpeg), dpi=(xdpi, ydpi), optimize=True)
                else:
                    frame.save(buf, "PNG", dpi=(xdpi, ydpi))
                out.append(buf.getvalue())
            return out

        def locate():
            for m in masters:
                try:
                    if dpi or jpeg:
                        img2pdf.convert(transformed(m))
                    else:
                        img2pdf.convert(m["path"])
                except Exception as e:
                    page = m["first_page"]
                    i = 0
                    try:
                        for i, im in pages(m):
                            im.load()
                    except Exception:
                        page = m["first_page"] + i
                    return {"master": m["name"], "page": page, "message": "%s: %s" % (type(e).__name__, e)}
            return {}

        try:
            if dpi or jpeg:
                images = []
                for m in masters:
                    images.extend(transformed(m))
                data = img2pdf.convert(images)
            else:
                data = img2pdf.convert([m["path"] for m in masters])
            with open(spec["out"], "wb") as f:
                f.write(data)
            print(json.dumps({"ok": True}))
        except Exception as e:
            where = {"message": "%s: %s" % (type(e).__name__, e)}
            try:
                where.update(locate())
            except Exception:
                pass
            where["ok"] = False
            print(json.dumps(where))
            sys.exit(3)
        """

    /// `finish IN.pdf OUT.pdf META.json`: writes the title, author (the fonds), subject and keywords (XMP dc:title,
    /// dc:creator, dc:description, pdf:Keywords, and the document information dictionary kept in step by pikepdf), and
    /// adds dc:identifier (the archival code), dc:source, dc:coverage and dc:language to the XMP of OCRmyPDF's PDF/A
    /// (all Dublin Core, which PDF/A allows without an extension schema). Every value comes from the file, never from
    /// the command line.
    static let finishScript = """
        import json, sys
        import pikepdf
        meta = json.load(open(sys.argv[3], encoding="utf-8"))
        with pikepdf.open(sys.argv[1]) as pdf:
            with pdf.open_metadata(set_pikepdf_as_editor=False) as m:
                m["dc:title"] = meta["title"]
                m["dc:creator"] = [meta["author"]]
                m["dc:description"] = meta["subject"]
                m["pdf:Keywords"] = meta["keywords"]
                m["dc:identifier"] = meta["identifier"]
                m["dc:source"] = meta["source"]
                if meta.get("coverage"):
                    m["dc:coverage"] = meta["coverage"]
                m["dc:language"] = ["vi"]
            pdf.save(sys.argv[2])
        """
}
