"""The command line's help in Thai (the default) or English: ``--help`` is the admin's manual.

argparse holds English texts; :func:`localize` swaps every help text, description, section
title and the usage prefix for the Thai one when the run is Thai, and adds the examples and
the exit codes as an epilog in either language. The English help is the id (as for input
errors); a test fails on any help text without a Thai translation.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import NoReturn

HELP_TH = {
    "show this help message and exit": "แสดงวิธีใช้นี้แล้วจบ",
    "show program's version number and exit": "แสดงรุ่นของโปรแกรมแล้วจบ",
    "check a submission file and print a scorecard": "ตรวจไฟล์รายการส่งแล้วแสดงผลคะแนนรายข้อ",
    "find the ITA page of a year on the main website; write a submission": "ค้นหาหน้า ITA ของปีบนเว็บไซต์หลัก แล้วเขียนไฟล์รายการส่ง",
    "check the bundled sample agency site (no internet needed)": "ตรวจเว็บไซต์หน่วยงานตัวอย่างที่มากับโปรแกรม (ไม่ต้องใช้อินเทอร์เน็ต)",
    "list, show or validate checklists": "แสดงรายการ แสดงรายละเอียด หรือตรวจไฟล์เกณฑ์",
    "re-render a saved JSON report (no crawling)": "สร้างรายงานใหม่จากไฟล์ JSON ที่บันทึกไว้ (ไม่ตรวจเว็บไซต์ซ้ำ)",
    "check many agencies, keep the history, report changes": "ตรวจหลายหน่วยงาน เก็บประวัติ และรายงานการเปลี่ยนแปลง",
    "the trend of one agency": "แนวโน้มคะแนนของหน่วยงานหนึ่ง",
    "validate a submission file, or write a template": "ตรวจไฟล์รายการส่ง หรือสร้างแบบฟอร์มเปล่า",
    "submission file (.yaml, .csv or .xlsx)": "ไฟล์รายการส่ง (.xlsx, .csv หรือ .yaml)",
    "checklist id (ita-2568) or YAML path; default: the submission's": "รหัสเกณฑ์ (ita-2568) หรือไฟล์ YAML; ค่าเริ่มต้น: ตามไฟล์รายการส่ง",
    "main website (for CSV/XLSX files)": "เว็บไซต์หลักของหน่วยงาน (สำหรับไฟล์ CSV/XLSX)",
    "agency name (for CSV/XLSX files)": "ชื่อหน่วยงาน (สำหรับไฟล์ CSV/XLSX)",
    "exit 1 when the (pessimistic) OIT score is below SCORE": "จบด้วยรหัส 1 เมื่อคะแนน OIT (แบบต่ำสุด) ต่ำกว่า SCORE",
    "exit 1 when even the optimistic OIT score (manual items counted full) is below": "จบด้วยรหัส 1 เมื่อแม้คะแนน OIT สูงสุดที่เป็นไปได้ (นับข้อที่ต้องตรวจเองเต็ม) ยังต่ำกว่า SCORE",
    "exit 1 unless these items pass": "จบด้วยรหัส 1 ถ้าข้อเหล่านี้ไม่ผ่าน",
    "exit 1 when more than N items are manual": "จบด้วยรหัส 1 เมื่อมีข้อที่ต้องตรวจเองเกิน N ข้อ",
    "exit 1 when more than N items are risk (an inferred rule failed)": "จบด้วยรหัส 1 เมื่อมีข้อเสี่ยงเกิน N ข้อ (กฎที่อนุมานไม่ผ่าน)",
    "exit 1 when an item that passed in this earlier JSON report fails now": "จบด้วยรหัส 1 เมื่อข้อที่เคยผ่านในรายงาน JSON ก่อนหน้านี้ไม่ผ่านแล้ว",
    "known exceptions (item, url pattern, reason, expiry) shown as waived": "ไฟล์ข้อยกเว้น (ข้อ, รูปแบบ URL, เหตุผล, วันหมดอายุ) แสดงเป็นรายการยกเว้น",
    "screenshot every submitted URL into DIR (headless Chromium) and embed in HTML": "ถ่ายภาพหน้าจอทุก URL ที่ส่งเก็บไว้ใน DIR (Chromium) และแนบในรายงาน HTML",
    "fetch URLs starting with FROM at TO (staging); judge on FROM": "ดึง URL ที่ขึ้นต้นด้วย FROM จาก TO แทน (เว็บทดสอบ) แต่ตัดสินตาม FROM",
    "keep what was read in DIR; the next run asks the server what changed (If-None-Match) and reads only changed documents": "เก็บผลการอ่านเอกสารไว้ใน DIR ครั้งต่อไปจะถามเซิร์ฟเวอร์ว่าไฟล์ใดเปลี่ยน แล้วอ่านใหม่เฉพาะไฟล์ที่เปลี่ยน",
    "output format (default: table); repeat with one -o each for several outputs": "รูปแบบรายงาน (ค่าเริ่มต้น: table) ระบุซ้ำได้ โดยใส่ -o หนึ่งค่าต่อหนึ่งรูปแบบ",
    "write the report here, not stdout (one per --format)": "เขียนรายงานลงไฟล์นี้แทนหน้าจอ (หนึ่งไฟล์ต่อ --format)",
    "message language (default th)": "ภาษาของข้อความ (ค่าเริ่มต้น th)",
    "date used by every recency rule (default: today in Asia/Bangkok)": "วันที่ที่ใช้ตัดสินความเป็นปัจจุบัน (ค่าเริ่มต้น: วันนี้ตามเวลาประเทศไทย)",
    "global fetch limit (32)": "จำนวนการดึงพร้อมกันทั้งหมด (32)",
    "fetches per host at once (4)": "จำนวนการดึงพร้อมกันต่อเว็บไซต์ (4)",
    "read time-out per attempt in seconds (30); each download attempt ends after 60 s and each URL, retries included, after 90 s (OIT_DEADLINE, OIT_TOTAL_DEADLINE)": "เวลารอข้อมูลต่อครั้ง เป็นวินาที (30); การดาวน์โหลดแต่ละครั้งจบภายใน 60 วินาที และแต่ละ URL รวมการลองใหม่จบภายใน 90 วินาที (OIT_DEADLINE, OIT_TOTAL_DEADLINE)",
    "size cap per file in MB (50)": "ขนาดสูงสุดต่อไฟล์ เป็น MB (50)",
    "do not verify TLS certificates": "ไม่ตรวจใบรับรอง TLS (HTTPS)",
    "extra CA bundle for TLS verification": "ไฟล์ CA เพิ่มเติมสำหรับตรวจใบรับรอง TLS",
    "draw pages in headless Chromium: auto (only script-drawn pages, default), never, always": "เปิดหน้าเว็บด้วย Chromium: auto (เฉพาะหน้าที่สร้างด้วยสคริปต์ ค่าเริ่มต้น), never (ไม่ใช้), always (ทุกหน้า)",
    "read scanned PDFs and pictures with Tesseract (Thai): auto (where it is installed, default), never, always (an error if it is not installed)": "อ่าน PDF ที่เป็นภาพสแกนและรูปภาพด้วย Tesseract (ภาษาไทย): auto (เมื่อติดตั้งไว้ ค่าเริ่มต้น), never (ไม่ใช้), always (แจ้งข้อผิดพลาดถ้าไม่ได้ติดตั้ง)",
    "the agency's main website": "เว็บไซต์หลักของหน่วยงาน",
    "assessment year, e.g. 2568 (BE)": "ปีที่ประเมิน เช่น 2568 (พ.ศ.)",
    "checklist id or YAML (default ita-YEAR)": "รหัสเกณฑ์หรือไฟล์ YAML (ค่าเริ่มต้น ita-ปี)",
    "write the submission here, not stdout": "เขียนไฟล์รายการส่งลงไฟล์นี้แทนหน้าจอ",
    "default yaml": "ค่าเริ่มต้น yaml",
    "agency name (default: the home page title)": "ชื่อหน่วยงาน (ค่าเริ่มต้น: ชื่อหน้าแรกของเว็บไซต์)",
    "pages to crawl (300)": "จำนวนหน้าที่สำรวจสูงสุด (300)",
    "links from home (3)": "จำนวนชั้นของลิงก์จากหน้าแรก (3)",
    "crawl pages robots.txt disallows (only for the agency's own website)": "สำรวจหน้าที่ robots.txt ห้ามด้วย (ใช้กับเว็บไซต์ของหน่วยงานเองเท่านั้น)",
    "build the site and submission into DIR": "สร้างเว็บไซต์ตัวอย่างและไฟล์รายการส่งไว้ใน DIR",
    "shipped checklists with completeness and certainty": "เกณฑ์ที่มากับโปรแกรม พร้อมความครบถ้วนและความแน่นอน",
    "every item of a checklist with its rules": "ทุกข้อของเกณฑ์พร้อมกฎที่ใช้ตรวจ",
    "validate checklist files (exit 2 if one is invalid)": "ตรวจไฟล์เกณฑ์ (จบด้วยรหัส 2 ถ้ามีไฟล์ไม่ถูกต้อง)",
    "agencies file (.yaml or .csv)": "ไฟล์รายชื่อหน่วยงาน (.yaml, .csv หรือ .xlsx)",
    "history database (SQLite)": "ฐานข้อมูลประวัติ (SQLite)",
    "run one task per agency on this Dask scheduler (OIT_CLUSTER); default in-process": "ส่งงานหน่วยงานละหนึ่งงานไปที่ Dask scheduler นี้ (OIT_CLUSTER); ค่าเริ่มต้น: ตรวจในเครื่องนี้",
    "where --out is served: the digest's links into the dashboard become absolute": "ที่อยู่เว็บที่เผยแพร่ --out: ลิงก์ในสรุปที่ส่งจะชี้เข้าหน้าภาพรวมได้ตรง",
    "history database: a SQLite file, or postgresql://USER@HOST/DB": "ฐานข้อมูลประวัติ: ไฟล์ SQLite หรือ postgresql://USER@HOST/DB",
    "where to write index.html, summary.json, reports": "โฟลเดอร์สำหรับ index.html, summary.json และรายงาน",
    "agencies in flight (4)": "จำนวนหน่วยงานที่ตรวจพร้อมกัน (4)",
    "e-mail the agencies that got worse (SMTP server from OIT_SMTP_* variables)": "ส่งอีเมลสรุปหน่วยงานที่คะแนนแย่ลง (เซิร์ฟเวอร์ SMTP จากตัวแปร OIT_SMTP_*)",
    "POST a JSON summary here when an agency got worse (new failures or lower score)": "ส่งสรุป JSON (POST) ไปที่ URL นี้เมื่อมีหน่วยงานแย่ลง (ไม่ผ่านใหม่หรือคะแนนลดลง)",
    "exit 1 when any agency's pessimistic OIT score is below SCORE": "จบด้วยรหัส 1 เมื่อมีหน่วยงานใดได้คะแนน OIT (แบบต่ำสุด) ต่ำกว่า SCORE",
    "every error of a submission file at once, no crawl": "แสดงข้อผิดพลาดทั้งหมดของไฟล์รายการส่งในครั้งเดียว โดยไม่ตรวจเว็บไซต์",
    "write the Excel template of a year's items": "สร้างแบบฟอร์ม Excel ที่มีทุกข้อของปี",
    "submission file (.xlsx, .csv or .yaml)": "ไฟล์รายการส่ง (.xlsx, .csv หรือ .yaml)",
    "default: the submission's": "ค่าเริ่มต้น: ตามไฟล์รายการส่ง",
    "main website (if the file lacks it)": "เว็บไซต์หลัก (ถ้าไฟล์ไม่ได้ระบุ)",
    "agency name (if the file lacks it)": "ชื่อหน่วยงาน (ถ้าไฟล์ไม่ได้ระบุ)",
    "message language (th)": "ภาษาของข้อความ (th)",
    "checklist id or path (ita-2568)": "รหัสเกณฑ์หรือไฟล์ (ita-2568)",
    "Buddhist-Era year of the checklist": "ปี พ.ศ. ของเกณฑ์",
    ".xlsx or .csv file": "ไฟล์ .xlsx หรือ .csv",
    "settings file (default: oit-checker.toml, or [tool.oit-checker] in pyproject.toml)": "ไฟล์ตั้งค่า (ค่าเริ่มต้น: oit-checker.toml หรือ [tool.oit-checker] ใน pyproject.toml)",
    "print only errors (no progress, no summary lines)": "แสดงเฉพาะข้อผิดพลาด (ไม่แสดงความคืบหน้าและบรรทัดสรุป)",
    "print every fetch and decision as it happens": "แสดงทุกการดึงข้อมูลและการตัดสินระหว่างตรวจ",
}

DESCRIPTION = {
    "th": "ตรวจความพร้อม OIT (ITA ของ ป.ป.ช.) ก่อนส่ง: เปิดทุก URL ที่ส่ง ตรวจปี วันที่ "
    "และองค์ประกอบที่ต้องมี แล้วบอกวิธีแก้ก่อนผู้ประเมินให้ 0 คะแนน",
    "en": "Pre-assessment of ITA OIT items: opens every submitted URL, checks years, dates and "
    "required elements, and says how to fix what the assessor would score 0.",
}

EPILOG = {
    "th": """ตัวอย่าง:
  oit-checker submission template --year 2568 -o ส่ง-ITA-2568.xlsx   สร้างแบบฟอร์ม Excel
  oit-checker submission validate ส่ง-ITA-2568.xlsx                 ตรวจไฟล์ (ไม่ตรวจเว็บไซต์)
  oit-checker check ส่ง-ITA-2568.xlsx                               ตรวจเว็บไซต์ตามไฟล์
  oit-checker check ส่ง-ITA-2568.xlsx --format html -o รายงาน.html  รายงานสำหรับผู้บริหาร
  oit-checker check ส่ง-ITA-2568.xlsx --cache .oit-cache           ตรวจซ้ำระหว่างแก้ไข อ่านใหม่เฉพาะไฟล์ที่เปลี่ยน
  oit-checker discover https://www.example.go.th/ --year 2568 -o submission.yaml
  oit-checker demo                                                 ลองกับเว็บไซต์ตัวอย่าง

""",
    "en": """examples:
  oit-checker submission template --year 2568 -o submission.xlsx   write the Excel template
  oit-checker submission validate submission.xlsx                  check the file (no crawl)
  oit-checker check submission.xlsx                                 check the website
  oit-checker check submission.xlsx --format html -o report.html    report for management
  oit-checker check submission.xlsx --cache .oit-cache             rerun while fixing: read only what changed
  oit-checker discover https://www.example.go.th/ --year 2568 -o submission.yaml
  oit-checker demo                                                  try the bundled site

""",
}

EXIT_CODES = {
    "th": """รหัสเมื่อจบ:
  0  ตรวจเสร็จ และผ่านทุกเงื่อนไขที่กำหนด (ไม่กำหนดเงื่อนไข = 0 เสมอ)
  1  ตรวจเสร็จ แต่ไม่ผ่านเงื่อนไข (--fail-under, --require, --baseline …)
  2  ข้อมูลนำเข้าหรือการใช้คำสั่งไม่ถูกต้อง (ข้อความบอกไฟล์ บรรทัด และช่อง)
  3  ข้อผิดพลาดภายในโปรแกรม (โปรดแจ้งผู้พัฒนา)

ภาษาอังกฤษ: --lang en หรือ OIT_LANG=en""",
    "en": """exit codes:
  0  ran, and every gate held (no gate flag: always 0)
  1  ran, and a gate failed (--fail-under, --require, --baseline …)
  2  bad input or usage (the message names the file, line and field)
  3  internal error (please report it)

Thai: the default (--lang th or OIT_LANG=th)""",
}

SECTIONS_TH = {
    "positional arguments": "อาร์กิวเมนต์",
    "options": "ตัวเลือก",
    "optional arguments": "ตัวเลือก",
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's lines; the usage prefix follows the language."""

    prefix = "usage: "

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix or self.prefix)


class _ThaiFormatter(_Formatter):
    prefix = "วิธีใช้: "


def localize(parser: argparse.ArgumentParser, lang: str, *, top: bool = True) -> None:
    """Swap ``parser``'s texts (and its subcommands') for ``lang``."""
    th = lang != "en"
    key = "th" if th else "en"
    Parser.lang = key
    parser.formatter_class = _ThaiFormatter if th else _Formatter
    parser.epilog = (EPILOG[key] if top else "") + EXIT_CODES[key]
    if top:
        parser.description = DESCRIPTION[key]
    elif th and parser.description:
        parser.description = HELP_TH.get(parser.description, parser.description)
    for group in parser._action_groups:
        if th and group.title:
            group.title = SECTIONS_TH.get(group.title, group.title)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if th and choice.help:
                    choice.help = HELP_TH.get(choice.help, choice.help)
            for name, sp in action.choices.items():
                if sp.description is None:
                    sp.description = next(
                        (c.help for c in action._choices_actions if c.dest == name), None
                    )
                localize(sp, lang, top=False)
        elif th and action.help and action.help != argparse.SUPPRESS:
            action.help = HELP_TH.get(action.help, action.help)


# argparse's own error sentences (Python 3.11–3.13 wording) → Thai
_ARGPARSE_TH = (
    (r"the following arguments are required: (.*)", r"ต้องระบุ: \1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"\1: ค่าไม่ถูกต้อง \2 (เลือกจาก \3)",
    ),
    (r"argument (\S+): expected one argument", r"\1: ต้องระบุค่าหนึ่งค่า"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"\1: ค่าไม่ถูกต้อง \3 (ต้องเป็น \2)"),
    (r"argument (\S+): not a date YYYY-MM-DD: (.*)", r"\1: ไม่ใช่วันที่รูปแบบ YYYY-MM-DD: \2"),
    (r"argument (\S+): (.*)", r"\1: \2"),
    (r"unrecognized arguments: (.*)", r"ไม่รู้จักอาร์กิวเมนต์: \1"),
)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose usage errors follow the run's language (exit 2)."""

    lang = "th"

    def error(self, message: str) -> NoReturn:
        import re
        import sys

        if Parser.lang != "en":
            for pattern, thai in _ARGPARSE_TH:
                if re.fullmatch(pattern, message):
                    message = re.sub(pattern, thai, message)
                    break
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: ข้อผิดพลาด: {message}\n")
        super().error(message)
