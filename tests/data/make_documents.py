"""Make the LibreOffice documents in tests/data/documents/ (committed; CI does not install
LibreOffice). Run from the repository root when a corpus text or tests/documents.py changes:

    apt-get install -y libreoffice-writer fonts-noto-cjk
    .venv/bin/python tests/data/make_documents.py

For each plan below: the Word document of ``tests.documents.make_docx`` (python-docx, numbered
lists), then LibreOffice (headless) re-saves it as .docx (its own numbering.xml) and prints it
as .pdf (Noto CJK fonts embedded, header and page-number footer on every page).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.documents import make_docx  # noqa: E402

PLANS = [
    "action-plan-high-quality-development-jinan-new",  # 一、/（一）/1., tasks across parts
    "supreme-court-accelerating-construction-smart-courts",  # 一、/（一） up to （二十六）
    "guidance-opinion-intelligent-shipping-development",  # 一、/(一) half-width
    "2019-annual-project-guidelines-cooperation-between-national",  # 一、/（一）/1./（1）
]
OUT = ROOT / "tests" / "data" / "documents"


def main() -> None:
    soffice = shutil.which("soffice") or sys.exit("soffice not found: apt-get install libreoffice-writer")
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in PLANS:
            text = (ROOT / "tests" / "data" / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
            source = work / f"{name}.docx"
            source.write_bytes(make_docx(text))
            for target, out in (("pdf:writer_pdf_Export", "pdf"), ("docx:MS Word 2007 XML", "docx")):
                subprocess.run([soffice, "--headless", "--norestore",
                                f"-env:UserInstallation=file://{work}/profile",
                                "--convert-to", target, "--outdir", str(work / out), str(source)],
                               check=True, capture_output=True, timeout=120)
                made = work / out / f"{name}.{out}"
                shutil.copy(made, OUT / f"{name}.libreoffice.{out}")
                print(OUT / f"{name}.libreoffice.{out}", made.stat().st_size)


if __name__ == "__main__":
    main()
