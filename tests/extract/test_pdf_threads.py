"""Regression: several engine runs in one process (nightly) extract PDFs from several threads.
pdfium is not thread-safe; without the process-wide lock this crashed with SIGSEGV. The stress
runs in a subprocess so a crash is reported as a failure instead of killing the test run."""

import subprocess
import sys
import textwrap


def test_concurrent_pdf_extraction_from_many_threads_does_not_crash(tmp_path):
    script = textwrap.dedent(f"""
        from concurrent.futures import ThreadPoolExecutor
        from pathlib import Path
        from oit_checker.demo.files import make_pdf
        from oit_checker.extract import pdf
        from oit_checker.model import Resource
        from oit_checker.settings import RunSettings
        paths = []
        for i in range(8):
            p = Path({str(tmp_path)!r}) / f"d{{i}}.pdf"
            p.write_bytes(make_pdf([["รายงาน ประจำปี พ.ศ. 2567"] * 40] * 12))
            paths.append(str(p))
        def work(path):
            r = Resource(url="u", final_url="u", status=200, body_path=path)
            return pdf.extract(r, RunSettings()).pages
        with ThreadPoolExecutor(6) as ex:
            pages = list(ex.map(work, paths * 12))
        assert set(pages) == {{12}}, pages
        print("ok", len(pages))
    """)
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("ok 96")
