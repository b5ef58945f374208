"""Thai messages (the default). Templates use ``{name}`` fields from the finding's params."""

# Finding texts live beside the checks that emit them (``checks/<id>.py`` MESSAGES);
# what stays here is the discover command's prose, reasons, input errors and report labels.
MESSAGES: dict[str, str] = {}

REASONS: dict[str, str] = {
    "invalid_url": "URL ไม่ถูกต้อง",
    "unsupported_scheme": "ไม่ใช่ http/https",
    "dns": "ไม่พบชื่อโดเมน (DNS)",
    "connect": "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้",
    "blocked_address": "ที่อยู่เครือข่ายภายใน (ไม่ใช่ที่อยู่สาธารณะ ผู้ประเมินเปิดไม่ได้) จึงไม่ได้เชื่อมต่อ",
    "timeout": "เซิร์ฟเวอร์ไม่ตอบภายในเวลาที่กำหนด",
    "deadline": "ดาวน์โหลดไม่เสร็จภายในเวลาที่กำหนด",
    "tls": "การเชื่อมต่อ HTTPS ล้มเหลว",
    "reset": "การเชื่อมต่อถูกตัด",
    "protocol": "เซิร์ฟเวอร์ตอบผิดรูปแบบ",
    "http_4xx": "ไม่พบหน้า/ไม่อนุญาต (HTTP 4xx)",
    "http_5xx": "เซิร์ฟเวอร์ขัดข้อง (HTTP 5xx)",
    # by the status the server gave, when it is known
    "http_401": "ต้องเข้าสู่ระบบ (HTTP 401)",
    "http_403": "ไม่อนุญาตให้เข้าถึง (HTTP 403)",
    "http_404": "ไม่พบหน้า (HTTP 404)",
    "http_410": "ถูกลบแล้ว (HTTP 410)",
    "http_429": "ส่งคำขอถี่เกินไป เซิร์ฟเวอร์ให้รอ (HTTP 429)",
    "too_many_redirects": "เปลี่ยนเส้นทางมากเกินไป",
    "redirect_loop": "เปลี่ยนเส้นทางวนซ้ำ",
    "too_large": "ไฟล์ใหญ่เกินกำหนด",
    "not_fetched": "ไม่ได้ดาวน์โหลด",
    "no_text_layer": "PDF เป็นภาพสแกน ไม่มีชั้นข้อความ",
    "image": "เป็นรูปภาพ",
    "script_drawn": "หน้าเว็บสร้างด้วย JavaScript",
    "xls_binary": "ไฟล์ Excel รุ่นเก่า (.xls)",
    "unknown_format": "รูปแบบไฟล์ที่อ่านไม่ได้",
    "too_complex": "ไฟล์ซับซ้อนเกินกว่าจะอ่านได้อย่างปลอดภัย (เกินขีดจำกัดขนาดตาราง ความลึกของหน้าเว็บ หรือหน่วยความจำ)",
    "crashed": "โปรแกรมอ่านไฟล์หยุดทำงานกับไฟล์นี้ (ไฟล์อาจเสียหายหรือเป็นอันตราย หรือเกินขีดจำกัดต่อไฟล์ 3 GB / CPU 60 วินาที)",
    "ocr_unreadable": "ภาพสแกนที่ OCR อ่านไม่ออก",
    "too_large_unzipped": "ไฟล์ขยายแล้วใหญ่เกินกำหนด (ไฟล์บีบอัดที่ขยายเกินจริง)",
    "corrupt": "ไฟล์เสียหาย อ่านไม่ได้",
    "empty": "ไม่มีเนื้อหา",
}


# How to fix a resource that could not be obtained, by why (reachable.broken, *.no_evidence,
# reachable.broken_link use these before their generic remedy): the reason decides the fix.
REASON_FIXES: dict[str, str] = {
    "http_404": "ไฟล์หรือหน้านี้ถูกลบหรือย้ายแล้ว: อัปโหลดใหม่หรือแก้ลิงก์ให้ชี้ที่อยู่ปัจจุบัน แล้วส่ง URL ที่เปิดได้",
    "http_410": "ไฟล์หรือหน้านี้ถูกลบแล้ว: อัปโหลดใหม่ แล้วส่ง URL ของไฟล์ใหม่",
    "http_401": "ผู้ประเมินเข้าสู่ระบบไม่ได้: เผยแพร่ข้อมูลในหน้าที่เปิดได้โดยไม่ต้องเข้าสู่ระบบ",
    "http_403": "เว็บไซต์ไม่อนุญาตให้เปิด: ตั้งสิทธิ์ให้ทุกคนเปิดได้ (ตรวจไฟร์วอลล์/การจำกัดประเทศ)",
    "http_4xx": "เว็บไซต์ปฏิเสธ URL นี้: ตรวจว่าเปิดได้จากเครื่องอื่นโดยไม่ต้องเข้าสู่ระบบ แล้วส่ง URL ที่เปิดได้",
    "http_5xx": "เซิร์ฟเวอร์ขัดข้อง: แจ้งผู้ดูแลเว็บไซต์ให้แก้ แล้วตรวจใหม่ก่อนส่ง",
    "timeout": "เว็บไซต์ตอบช้าเกินไป: แจ้งผู้ดูแลเว็บไซต์/ผู้ให้บริการโฮสต์ แล้วตรวจใหม่ก่อนส่ง",
    "deadline": "ไฟล์ดาวน์โหลดไม่เสร็จ: ลดขนาดไฟล์หรือแก้ความเร็วของเว็บไซต์ แล้วตรวจใหม่",
    "dns": "ไม่พบชื่อโดเมน: ตรวจการสะกด URL และการต่ออายุโดเมน",
    "connect": "เชื่อมต่อเว็บไซต์ไม่ได้: ตรวจว่าเว็บไซต์เปิดอยู่และเปิดได้จากภายนอกหน่วยงาน",
    "blocked_address": "URL ชี้ไปที่อยู่ภายในเครือข่ายของหน่วยงาน: เผยแพร่บนเว็บไซต์หลักที่เปิดได้จากภายนอก",
    "tls": "การเชื่อมต่อ HTTPS ล้มเหลว: ติดตั้งใบรับรอง HTTPS ที่ถูกต้อง",
    "too_large": "ไฟล์ใหญ่เกินไป: ลดขนาดไฟล์ (เช่น สแกนความละเอียดต่ำลง หรือแยกไฟล์) แล้วอัปโหลดใหม่",
    "too_many_redirects": "URL เปลี่ยนเส้นทางวนไม่จบ: แก้การตั้งค่าการเปลี่ยนเส้นทางของเว็บไซต์",
    "redirect_loop": "URL เปลี่ยนเส้นทางวนไม่จบ: แก้การตั้งค่าการเปลี่ยนเส้นทางของเว็บไซต์",
}

# Input errors: English template (the message id, see errors.InputError) → Thai template.
ERRORS: dict[str, str] = {
    "'checks' must be a list": "'checks' ต้องเป็นรายการ (list)",
    "'confidence' is 'confirmed' or 'inferred'": "'confidence' ต้องเป็น 'confirmed' หรือ 'inferred'",
    "'defaults' must be a mapping with 'checks'": "'defaults' ต้องเป็น mapping ที่มี 'checks'",
    "'defaults' must be true or false": "'defaults' ต้องเป็น true หรือ false",
    "'formats' must be a list of names": "'formats' ต้องเป็นรายการชื่อรูปแบบไฟล์",
    "'indicators' must be a list": "'indicators' ต้องเป็นรายการ (list)",
    "'items' must be a non-empty list": "'items' ต้องเป็นรายการที่ไม่ว่าง",
    "'items' must map item ids to URLs (e.g. O1: https://…)": "'items' ต้องระบุข้อและ URL เช่น O1: https://…",
    "'sources' must be a mapping of id → description": "'sources' ต้องเป็น mapping ของรหัส → คำอธิบาย",
    "'status' must be a mapping": "'status' ต้องเป็น mapping",
    "'weight' must be a number ≥ 0": "'weight' ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป",
    "'year' must be a Buddhist-Era year such as 2568": "'year' ต้องเป็นปี พ.ศ. เช่น 2568",
    "--require: {value!r} is not an item id such as O12": "--require: {value!r} ไม่ใช่รหัสข้อ เช่น O12",
    "--rewrite {value!r}: {detail}": "--rewrite {value!r}: {detail}",
    "a URL (text starting with http:// or https://) is required": "ต้องระบุ URL (ขึ้นต้นด้วย http:// หรือ https://)",
    "a check id is a name such as 'keywords'": "รหัสการตรวจต้องเป็นชื่อ เช่น 'keywords'",
    "a check is an id, or a mapping with one check id as key": "การตรวจต้องเป็นรหัส หรือ mapping ที่มีรหัสการตรวจเพียงหนึ่งคีย์",
    "a checklist is a mapping with 'id', 'year' and 'items'": "เกณฑ์ต้องเป็น mapping ที่มี 'id', 'year' และ 'items'",
    "a submission is a mapping with 'main_site' and 'items'": "ไฟล์รายการส่งต้องเป็น mapping ที่มี 'main_site' และ 'items'",
    "cannot read file: {detail}": "อ่านไฟล์ไม่ได้: {detail}",
    "not a readable CSV file: {detail}": "อ่านไฟล์ CSV ไม่ได้: {detail}",
    "--ocr always: {detail} ({how})": "--ocr always: ยังอ่านภาพสแกนไม่ได้ — {detail} ({how})",
    "OCR mode {value!r}: use one of {modes}": "โหมด OCR {value!r}: ใช้ได้เฉพาะ {modes}",
    "duplicate item {item} (first at line {first})": "ข้อ {item} ซ้ำ (พบครั้งแรกที่บรรทัด {first})",
    "duplicate item {item}: {a!r} (line {first}) and {b!r}": "ข้อ {item} ซ้ำ: {a!r} (บรรทัด {first}) และ {b!r}",
    "duplicate key {key!r} (first at line {first})": "คีย์ {key!r} ซ้ำ (พบครั้งแรกที่บรรทัด {first})",
    "each indicator needs a numeric 'id'": "ตัวชี้วัดแต่ละตัวต้องมี 'id' เป็นตัวเลข",
    "each item is a mapping with 'id', 'indicator' and 'title'": "แต่ละข้อต้องเป็น mapping ที่มี 'id', 'indicator' และ 'title'",
    "each row needs two columns: item,url": "แต่ละแถวต้องมีสองคอลัมน์: item,url",
    "environment variable {name}={value!r}: {detail}": "ตัวแปรสภาพแวดล้อม {name}={value!r}: {detail}",
    "invalid parameter of {check}: {detail}": "พารามิเตอร์ของ {check} ไม่ถูกต้อง: {detail}",
    "item {item!r} is not in checklist {checklist} (items {first}–{last})": "ไม่มีข้อ {item!r} ในเกณฑ์ {checklist} (มีข้อ {first}–{last})",
    "malformed URL {value!r}: {detail}": "URL ไม่ถูกต้อง {value!r}: {detail}",
    "missing required key {key!r}": "ขาดคีย์ที่ต้องมี {key!r}",
    "no rows (expected columns item,url)": "ไม่มีข้อมูล (ต้องมีคอลัมน์ item,url)",
    "not UTF-8 text: {detail}": "ไม่ใช่ข้อความ UTF-8: {detail}",
    "not a readable .xlsx workbook: {detail}": "อ่านไฟล์ .xlsx ไม่ได้: {detail}",
    "not valid YAML: {detail}": "รูปแบบ YAML ไม่ถูกต้อง: {detail}",
    "parameters of {check!r} must be a mapping": "พารามิเตอร์ของ {check!r} ต้องเป็น mapping",
    "the main website is unknown: add 'main_site:' or --main-site": "ไม่ทราบเว็บไซต์หลักของหน่วยงาน: เพิ่ม 'main_site:' หรือใช้ --main-site",
    "unknown check id {check!r}": "ไม่รู้จักรหัสการตรวจ {check!r}",
    "unknown check id {check!r} (did you mean {hint!r}?)": "ไม่รู้จักรหัสการตรวจ {check!r} (หมายถึง {hint!r} หรือไม่?)",
    "unknown checklist {ref!r} (known: {known})": "ไม่รู้จักเกณฑ์ {ref!r} (ที่มี: {known})",
    "unknown indicator {value!r}": "ไม่รู้จักตัวชี้วัด {value!r}",
    "unknown key {key!r}": "ไม่รู้จักคีย์ {key!r}",
    "unknown setting(s): {names}": "ไม่รู้จักการตั้งค่า: {names}",
    "unsupported file type (use .yaml, .csv or .xlsx)": "ไม่รองรับชนิดไฟล์นี้ (ใช้ .yaml, .csv หรือ .xlsx)",
    "{value!r} is not an item id such as O12": "{value!r} ไม่ใช่รหัสข้อ เช่น O12",
}

ERRORS.update(
    {
        "'extends' names one checklist id or file (at most {n} levels)": "'extends' ต้องระบุเกณฑ์หนึ่งรหัสหรือหนึ่งไฟล์ (ซ้อนได้ไม่เกิน {n} ชั้น)",
        "'year' must be {year}, the year of {base}": "'year' ต้องเป็น {year} ตามเกณฑ์ {base}",
        "'items' must be a list": "'items' ต้องเป็นรายการ (list)",
        "each item override is a mapping with 'id'": "การปรับแต่งแต่ละข้อต้องเป็น mapping ที่มี 'id'",
        "item {item} is not in {base}; a new item needs 'indicator' and 'title'": "ไม่มีข้อ {item} ใน {base} ถ้าเพิ่มข้อใหม่ต้องมี 'indicator' และ 'title'",
        "'params' maps a check id to the parameters to change": "'params' ต้องระบุรหัสการตรวจและพารามิเตอร์ที่จะเปลี่ยน",
        "the item has no {check!r} rule to change": "ข้อนี้ไม่มีกฎ {check!r} ให้เปลี่ยน",
        "'add_keywords' maps an element label to extra wordings": "'add_keywords' ต้องระบุชื่อองค์ประกอบและคำเพิ่มเติม",
        "no keywords element {label!r} to extend": "ไม่มีองค์ประกอบ {label!r} ให้เพิ่มคำ",
    }
)

ERRORS.update(
    {
        "a waivers file is a mapping with a 'waivers' list": "ไฟล์ข้อยกเว้นต้องเป็น mapping ที่มีรายการ 'waivers'",
        "each waiver is a mapping with 'item', 'reason' and 'expires'": "ข้อยกเว้นแต่ละรายการต้องมี 'item', 'reason' และ 'expires'",
        "'expires' must be a date YYYY-MM-DD": "'expires' ต้องเป็นวันที่รูปแบบ YYYY-MM-DD",
    }
)

ERRORS.update(
    {
        "give one -o PATH for each --format ({formats} formats, {outputs} paths)": "ต้องระบุ -o PATH หนึ่งค่าต่อ --format หนึ่งค่า ({formats} รูปแบบ, {outputs} ไฟล์)",
        "cannot read file: {detail}": "อ่านไฟล์ไม่ได้: {detail}",
        "not a readable CSV file: {detail}": "อ่านไฟล์ CSV ไม่ได้: {detail}",
        "--ocr always: {detail} ({how})": "--ocr always: ยังอ่านภาพสแกนไม่ได้ — {detail} ({how})",
        "OCR mode {value!r}: use one of {modes}": "โหมด OCR {value!r}: ใช้ได้เฉพาะ {modes}",
        "not a JSON report: {detail}": "ไม่ใช่รายงาน JSON: {detail}",
        "not an oit-checker report (schema {schema})": "ไม่ใช่รายงานของ oit-checker (schema {schema})",
    }
)

ERRORS["--format {fmt} writes a file: add -o PATH"] = "--format {fmt} ต้องเขียนลงไฟล์: เพิ่ม -o PATH"

ERRORS.update(
    {
        "an agencies file is a mapping with an 'agencies' list": "ไฟล์รายชื่อหน่วยงานต้องเป็น mapping ที่มีรายการ 'agencies'",
        "each agency is a mapping with 'name' and 'submission'": "หน่วยงานแต่ละรายการต้องมี 'name' และ 'submission'",
        "submission file not found: {path}": "ไม่พบไฟล์รายการส่ง: {path}",
    }
)

ERRORS["another nightly run is using {db}"] = "มีการตรวจรอบกลางคืนอีกชุดกำลังใช้ {db} อยู่"

ERRORS.update(
    {
        "browser mode {value!r}: use one of {modes}": "โหมดเบราว์เซอร์ {value!r} ไม่ถูกต้อง: ใช้ {modes}",
    }
)

# discover: the written submission's comments and the crawl summary.
MESSAGES.update(
    {
        "discover.header": "รายการ URL ที่ oit-checker discover พบจากเว็บไซต์หลัก — ตรวจทานก่อนนำไปกรอกในระบบ ITAS",
        "discover.site": "เว็บไซต์: {site}  ปีประเมิน: {year}  วันที่ค้นหา: {today}",
        "discover.pages": "หน้า ITA ที่ใช้: {pages}",
        "discover.legend": "ความมั่นใจ: สูง = อยู่ใต้หัวข้อของข้อนั้น, กลาง = ดูจากชื่อไฟล์, ต่ำ = ชื่อไฟล์ไม่ตรงกับหัวข้อ",
        "discover.found_under": 'พบใต้หัวข้อ "{heading}" ที่ {page}',
        "discover.found_by_name": "พบจากชื่อไฟล์ที่ {page}",
        "discover.missing_header": "ข้อที่ไม่พบ — เติม URL เองแล้วลบเครื่องหมาย # หน้าบรรทัด",
        "discover.confidence.high": "สูง",
        "discover.confidence.medium": "กลาง",
        "discover.confidence.low": "ต่ำ",
        "discover.note.file_name_disagrees": "ชื่อไฟล์ระบุข้อ {other}",
        "discover.note.year_not_stated": "หน้านี้ไม่ระบุปี",
        "discover.note.offsite": "ไม่อยู่บนเว็บไซต์หลัก",
        "discover.problem.heading_without_link": "มีหัวข้อ {item} แต่ไม่มีลิงก์",
        "discover.problem.empty_link": '{item}: ลิงก์ว่างหรือ # ("{text}")',
        "discover.problem.unknown_item": 'หัวข้อ "{text}" ไม่ใช่ข้อในเกณฑ์ปีนี้',
        "discover.problem.not_mentioned": "หน้า ITA ไม่กล่าวถึงข้อนี้",
        "discover.note.home_unreachable": "เปิดหน้าแรกของเว็บไซต์ไม่ได้: {url} {detail}",
        "discover.note.home_offsite": "หน้าแรกพาไปยังเว็บไซต์อื่น: {url}",
        "discover.note.robots_blocked": "robots.txt ไม่อนุญาตให้เข้า {url} (ผู้ดูแลเว็บของหน่วยงานเองใช้ --ignore-robots ได้)",
        "discover.note.robots_unreachable": "อ่าน robots.txt ไม่ได้ ({url}) จึงค้นต่อโดยถือว่าอนุญาต",
        "discover.note.ita_offsite": "หน้า ITA ไม่ได้อยู่บนเว็บไซต์หลัก: {url} (ลิงก์จาก {detail}) — ผู้ประเมินจะไม่ให้คะแนน URL นอกเว็บไซต์หลัก",
        "discover.note.ita_offsite_also": "มีลิงก์ ITA ไปนอกเว็บไซต์หลักด้วย: {url}",
        "discover.note.ita_page_not_found": "ไม่พบหน้า ITA ของปี {year} บน {url}",
        "discover.note.script_drawn_unrendered": "มีหน้าที่สร้างด้วย JavaScript แต่ไม่มีเบราว์เซอร์ให้แสดงผล ({detail})",
        "discover.summary": "ค้น {crawled} หน้า (วาดด้วยเบราว์เซอร์ {rendered}) ใน {seconds} วินาที: พบ {found}/{total} ข้อ, {links} ลิงก์",
        "discover.other_years": "หน้า ITA ของปีอื่น: {url} ({years})",
    }
)

ERRORS.update(
    {
        "--year {value!r}: a year such as 2568": "--year {value!r}: ต้องเป็นปี เช่น 2568",
        "MAIN_SITE_URL {value!r}: {detail}": "URL เว็บไซต์หลัก {value!r} ไม่ถูกต้อง: {detail}",
        "give --year (e.g. --year 2568) or --checklist": "ระบุ --year (เช่น --year 2568) หรือ --checklist",
        "--year {year} but checklist {checklist} is for {other}": "--year {year} แต่เกณฑ์ {checklist} เป็นของปี {other}",
        "--max-pages must be ≥ 1 and --max-depth ≥ 0": "--max-pages ต้องไม่น้อยกว่า 1 และ --max-depth ไม่น้อยกว่า 0",
    }
)

ERRORS.update(
    {
        "give either 'submission' or 'discover: true', not both": "ระบุ 'submission' หรือ 'discover: true' อย่างใดอย่างหนึ่ง",
        "'discover: true' needs 'main_site'": "'discover: true' ต้องมี 'main_site'",
    }
)

# Words of the reports (every reporter reads these; none keeps its own).
LABELS: dict[str, str] = {
    "missing.what": "ยังไม่ได้ส่ง URL",
    "missing.fix": "เผยแพร่ข้อมูลของข้อนี้บนเว็บไซต์หลัก แล้วใส่ URL ในไฟล์รายการส่ง",
    "fix.first": "แก้ก่อนส่ง",
    "fix.summary": "{n} ข้อเสียคะแนน — แก้ครบได้คืนสูงสุด {points} คะแนน OIT",
    "fix.points": "คะแนน OIT ที่ได้คืน",
    "col.fix": "วิธีแก้",
    "col.at_stake": "คะแนน OIT ที่ได้คืนถ้าแก้",
    "document": "เอกสาร",
    "status.pass": "ผ่าน",
    "status.fail": "ไม่ผ่าน",
    "status.risk": "เสี่ยง",
    "status.manual": "ตรวจเอง",
    "status.missing": "ไม่ได้ส่ง",
    "col.item": "ข้อ",
    "col.indicator": "ตัวชี้วัด",
    "col.status": "ผล",
    "col.score": "คะแนน",
    "col.max_score": "คะแนนกรณีดีที่สุด (ถ้าผู้ประเมินตีความเป็นคุณ)",
    "col.title": "รายการ",
    "col.reasons": "เหตุผล",
    "col.advisories": "ข้อสังเกต",
    "col.urls": "URL ที่ตรวจ",
    "col.url": "URL",
    "report.title": "ผลตรวจความพร้อม OIT",
    "oit": "คะแนน OIT",
    "oit.min": "คะแนน OIT (ต่ำสุด)",
    "oit.max": "คะแนน OIT (สูงสุด)",
    "range": "ช่วงคะแนน",
    "indicator": "ตัวชี้วัด",
    "agency": "หน่วยงาน",
    "main_site": "เว็บไซต์หลัก",
    "checklist": "เกณฑ์",
    "today": "วันที่ตรวจ",
    "checked": "ตรวจเมื่อ",
    "advisory": "ข้อสังเกต",
    "advisory.long": "ข้อสังเกต (ยังไม่ยืนยัน)",
    "firm": "ยืนยันตามเกณฑ์",
    "waived": "ยกเว้นถึง",
    "rewrite": "ตรวจสำเนาที่",
    "judged": "ตัดสินตามเว็บไซต์หลัก",
    "legend": "คะแนนต่ำสุดนับข้อที่ต้องตรวจเองเป็น 0 คะแนนสูงสุดนับเป็นเต็ม",
    "fix": "วิธีแก้",
    "evidence": "หลักฐาน",
    "items.count": "จำนวนข้อ",
    "sheet.summary": "สรุป",
    "sheet.items": "รายการ",
    "skip.manual": "ต้องตรวจด้วยตนเอง",
    "skip.missing": "ไม่ได้ส่ง URL",
}

ERRORS["invalid value: {detail}"] = "ค่าไม่ถูกต้อง: {detail}"
ERRORS["file too large for a YAML input ({size} characters; at most {limit})"] = (
    "ไฟล์ YAML ใหญ่เกินไป ({size} ตัวอักษร สูงสุด {limit})"
)
ERRORS["the YAML expands too far (aliases or nesting): {detail}"] = (
    "YAML ขยายตัวมากเกินไป (alias หรือการซ้อนลึก): {detail}"
)

ERRORS.update(
    {
        "file not found": "ไม่พบไฟล์ (ตรวจชื่อไฟล์และโฟลเดอร์)",
        "no permission to read the file": "ไม่มีสิทธิ์อ่านไฟล์นี้",
        "this is a folder, not a file": "นี่เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
        "a tab character at column {column}: YAML indents with spaces only "
        "(replace the tab with spaces)": "มีอักขระแท็บ (Tab) ที่คอลัมน์ {column}: YAML ต้องย่อหน้าด้วยเว้นวรรคเท่านั้น (แทนแท็บด้วยเว้นวรรค)",
        "unknown key {key!r} (did you mean {hint!r}?)": "ไม่รู้จักคีย์ {key!r} (หมายถึง {hint!r} หรือไม่?)",
        "unsupported file type {suffix!r} (use .yaml, .csv or .xlsx)": "ไม่รองรับไฟล์ชนิด {suffix!r} (ใช้ .yaml, .csv หรือ .xlsx)",
        "this is a web address, not a submission file: to build one from the website, "
        "run: oit-checker discover {value} --year 2568 -o submission.yaml": "นี่คือที่อยู่เว็บไซต์ ไม่ใช่ไฟล์รายการส่ง: ถ้าต้องการสร้างไฟล์จากเว็บไซต์ ให้รัน oit-checker discover {value} --year 2568 -o submission.yaml",
        "{value!r} is not a URL (it must start with http:// or https://)": "{value!r} ไม่ใช่ URL (ต้องขึ้นต้นด้วย http:// หรือ https://)",
        "no table of items and URLs found{where}: give a header row with {headers}": "ไม่พบตารางข้อและ URL{where}: ใส่แถวหัวตารางที่มีคอลัมน์ {headers}",
        "file too large for a submission ({size} bytes; at most {limit})": "ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์รายการส่ง ({size} ไบต์; ไม่เกิน {limit})",
    }
)

ERRORS.update(
    {
        "the main website is unknown: fill the row 'เว็บไซต์หลัก' (main website) above the "
        "table, or use --main-site": "ไม่ทราบเว็บไซต์หลักของหน่วยงาน: กรอกแถว 'เว็บไซต์หลัก' เหนือตาราง หรือใช้ --main-site",
        "no item has a URL yet: fill the URL column ({named} items listed)": "ยังไม่มีข้อใดมี URL: กรอกคอลัมน์ URL (มีรายการ {named} ข้อ)",
    }
)

ERRORS.update(
    {
        "--require: {items} not in checklist {checklist} (items {first}–{last})": "--require: ไม่มีข้อ {items} ในเกณฑ์ {checklist} (มีข้อ {first}–{last})",
        "--browser always: {detail}": "--browser always: ยังเปิดเบราว์เซอร์ไม่ได้ — {detail}",
    }
)

ERRORS.update(
    {
        "not valid TOML: {detail}": "รูปแบบ TOML ไม่ถูกต้อง: {detail}",
        "invalid value {value!r}: {detail}": "ค่าไม่ถูกต้อง {value!r}: {detail}",
    }
)

ERRORS.update(
    {
        "--db {db}: PostgreSQL needs psycopg (pip install 'oit-checker[postgres]')": "--db {db}: การใช้ PostgreSQL ต้องติดตั้ง psycopg (pip install 'oit-checker[postgres]')",
        "--db {db}: cannot connect to PostgreSQL: {detail}": "--db {db}: เชื่อมต่อ PostgreSQL ไม่ได้: {detail}",
    }
)

ERRORS.update(
    {
        "--cluster {address}: cannot reach the Dask scheduler ({detail}); the night can be "
        "run again: agencies already saved are skipped": "--cluster {address}: ติดต่อ Dask scheduler ไม่ได้ ({detail}); รันคืนนี้ใหม่ได้ หน่วยงานที่บันทึกแล้วจะถูกข้าม",
        "--cluster {address}: lost the Dask scheduler ({detail}); run the night "
        "again: agencies already saved are skipped": "--cluster {address}: การเชื่อมต่อ Dask scheduler ขาดระหว่างตรวจ ({detail}); รันคืนนี้ใหม่ได้ หน่วยงานที่บันทึกแล้วจะถูกข้าม",
        "the check of this agency failed on the cluster: {detail}": "การตรวจหน่วยงานนี้บนคลัสเตอร์ล้มเหลว: {detail}",
    }
)

ERRORS.update(
    {
        "--cache {path}: a file, not a folder": "--cache {path}: เป็นไฟล์ ไม่ใช่โฟลเดอร์",
        "--cache {path}: cannot use the folder: {detail}": "--cache {path}: ใช้โฟลเดอร์นี้ไม่ได้: {detail}",
        "--cache {path}: the folder belongs to another user": "--cache {path}: โฟลเดอร์เป็นของผู้ใช้อื่น จึงไม่อ่าน",
    }
)
