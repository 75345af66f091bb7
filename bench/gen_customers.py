#!/usr/bin/env python3
"""Deterministic generator of dirty customer master data with ground truth.

    python3 bench/gen_customers.py --rows 1000000 --seed 42 --out bench/out/customers.csv \
        --truth bench/out/customers_truth.csv

Each row is one customer record as some source system holds it: typed by
hand, with the usual mess (formats, full-width characters, invisible
characters, typos, nicknames, short forms, wrong check digits, missing
fields). Rows that describe the same person share `true_entity_id`; people who
live together (same surname, address and home phone, but different given
name, birth date and ID) share `household_id` and nothing else. As with real
mail providers and ID registries, no two people share an e-mail mailbox or a
national ID: a taken address gets a number appended (a taken QQ number is
drawn again), a taken ID a new sequence number (CN) or a new SSN (US). See
bench/README.md for the columns and the corruption model.

Only the Python standard library is used; the output depends on nothing but
the arguments (same arguments, same bytes).
"""
import argparse
import csv
import datetime as _dt
import random
import sys

# ---------------------------------------------------------------- reference

# Chinese surnames (most common first) with pinyin.
CN_SURNAMES = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
    ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
    ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao"),
    ("彭", "Peng"), ("曾", "Zeng"), ("肖", "Xiao"), ("田", "Tian"), ("董", "Dong"), ("袁", "Yuan"),
    ("潘", "Pan"), ("于", "Yu"), ("蒋", "Jiang"), ("蔡", "Cai"), ("余", "Yu"), ("杜", "Du"),
    ("叶", "Ye"), ("程", "Cheng"), ("苏", "Su"), ("魏", "Wei"), ("吕", "Lyu"), ("丁", "Ding"),
    ("任", "Ren"), ("沈", "Shen"), ("姚", "Yao"), ("卢", "Lu"), ("姜", "Jiang"), ("崔", "Cui"),
    ("钟", "Zhong"), ("谭", "Tan"), ("陆", "Lu"), ("汪", "Wang"), ("范", "Fan"), ("金", "Jin"),
    ("石", "Shi"), ("廖", "Liao"), ("贾", "Jia"), ("夏", "Xia"), ("韦", "Wei"), ("方", "Fang"),
    ("白", "Bai"), ("邹", "Zou"), ("孟", "Meng"), ("熊", "Xiong"), ("秦", "Qin"), ("邱", "Qiu"),
    ("江", "Jiang"), ("尹", "Yin"), ("薛", "Xue"), ("段", "Duan"), ("雷", "Lei"), ("侯", "Hou"),
    ("龙", "Long"), ("史", "Shi"), ("陶", "Tao"), ("黎", "Li"), ("贺", "He"), ("顾", "Gu"),
    ("毛", "Mao"), ("郝", "Hao"), ("龚", "Gong"), ("邵", "Shao"), ("万", "Wan"), ("钱", "Qian"),
    ("欧阳", "Ouyang"), ("司马", "Sima"), ("诸葛", "Zhuge"),
]
CN_SURNAME_W = [max(1.0, 30.0 - i * 0.4) for i in range(len(CN_SURNAMES) - 3)] + [0.5, 0.3, 0.2]

# Given-name characters with pinyin, by gender lean.
CN_GIVEN_M = [
    ("伟", "Wei"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("勇", "Yong"), ("杰", "Jie"),
    ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"), ("刚", "Gang"), ("平", "Ping"), ("辉", "Hui"),
    ("鹏", "Peng"), ("华", "Hua"), ("飞", "Fei"), ("鑫", "Xin"), ("波", "Bo"), ("斌", "Bin"),
    ("宇", "Yu"), ("浩", "Hao"), ("凯", "Kai"), ("健", "Jian"), ("俊", "Jun"), ("帆", "Fan"),
    ("建", "Jian"), ("国", "Guo"), ("志", "Zhi"), ("文", "Wen"), ("博", "Bo"), ("晨", "Chen"),
    ("子", "Zi"), ("轩", "Xuan"), ("天", "Tian"), ("成", "Cheng"), ("东", "Dong"), ("海", "Hai"),
    ("林", "Lin"), ("龙", "Long"), ("峰", "Feng"), ("亮", "Liang"),
]
CN_GIVEN_F = [
    ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"), ("丽", "Li"), ("艳", "Yan"),
    ("娟", "Juan"), ("霞", "Xia"), ("秀", "Xiu"), ("英", "Ying"), ("玲", "Ling"), ("燕", "Yan"),
    ("婷", "Ting"), ("雪", "Xue"), ("慧", "Hui"), ("琳", "Lin"), ("欣", "Xin"), ("怡", "Yi"),
    ("佳", "Jia"), ("梅", "Mei"), ("丹", "Dan"), ("萍", "Ping"), ("红", "Hong"), ("晶", "Jing"),
    ("颖", "Ying"), ("倩", "Qian"), ("淑", "Shu"), ("兰", "Lan"), ("月", "Yue"), ("雅", "Ya"),
    ("思", "Si"), ("梓", "Zi"), ("涵", "Han"), ("晓", "Xiao"), ("璐", "Lu"), ("琪", "Qi"),
]

# (province, province short, city, city short, district, GB/T 2260 code, postcode prefix)
CN_PLACES = [
    ("北京市", "北京", "北京市", "北京", "东城区", "110101", "1000"),
    ("北京市", "北京", "北京市", "北京", "西城区", "110102", "1000"),
    ("北京市", "北京", "北京市", "北京", "朝阳区", "110105", "1000"),
    ("北京市", "北京", "北京市", "北京", "海淀区", "110108", "1000"),
    ("上海市", "上海", "上海市", "上海", "黄浦区", "310101", "2000"),
    ("上海市", "上海", "上海市", "上海", "徐汇区", "310104", "2000"),
    ("上海市", "上海", "上海市", "上海", "浦东新区", "310115", "2001"),
    ("天津市", "天津", "天津市", "天津", "和平区", "120101", "3000"),
    ("重庆市", "重庆", "重庆市", "重庆", "渝中区", "500103", "4000"),
    ("广东省", "广东", "深圳市", "深圳", "南山区", "440305", "5180"),
    ("广东省", "广东", "深圳市", "深圳", "福田区", "440304", "5180"),
    ("广东省", "广东", "深圳市", "深圳", "罗湖区", "440303", "5180"),
    ("广东省", "广东", "广州市", "广州", "天河区", "440106", "5106"),
    ("广东省", "广东", "广州市", "广州", "越秀区", "440104", "5100"),
    ("浙江省", "浙江", "杭州市", "杭州", "西湖区", "330106", "3100"),
    ("浙江省", "浙江", "杭州市", "杭州", "上城区", "330102", "3100"),
    ("江苏省", "江苏", "南京市", "南京", "鼓楼区", "320106", "2100"),
    ("江苏省", "江苏", "苏州市", "苏州", "姑苏区", "320508", "2150"),
    ("四川省", "四川", "成都市", "成都", "武侯区", "510107", "6100"),
    ("四川省", "四川", "成都市", "成都", "锦江区", "510104", "6100"),
    ("湖北省", "湖北", "武汉市", "武汉", "洪山区", "420111", "4300"),
    ("湖北省", "湖北", "武汉市", "武汉", "武昌区", "420106", "4300"),
    ("陕西省", "陕西", "西安市", "西安", "雁塔区", "610113", "7100"),
    ("山东省", "山东", "青岛市", "青岛", "市南区", "370202", "2660"),
    ("山东省", "山东", "济南市", "济南", "历下区", "370102", "2500"),
    ("福建省", "福建", "厦门市", "厦门", "思明区", "350203", "3610"),
    ("湖南省", "湖南", "长沙市", "长沙", "岳麓区", "430104", "4100"),
    ("河南省", "河南", "郑州市", "郑州", "金水区", "410105", "4500"),
    ("辽宁省", "辽宁", "沈阳市", "沈阳", "和平区", "210102", "1100"),
    ("安徽省", "安徽", "合肥市", "合肥", "蜀山区", "340104", "2300"),
]
# Landline area codes of the cities above (without trunk 0) and local number length.
CN_AREA = {"北京": ("10", 8), "上海": ("21", 8), "天津": ("22", 8), "重庆": ("23", 8),
           "深圳": ("755", 8), "广州": ("20", 8), "杭州": ("571", 8), "南京": ("25", 8),
           "苏州": ("512", 8), "成都": ("28", 8), "武汉": ("27", 8), "西安": ("29", 8),
           "青岛": ("532", 8), "济南": ("531", 8), "厦门": ("592", 7), "长沙": ("731", 8),
           "郑州": ("371", 8), "沈阳": ("24", 8), "合肥": ("551", 8)}
CN_STREETS = ["人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "科技园路", "深南大道",
              "南京东路", "淮海中路", "文三路", "天府大道", "珞喻路", "长安街", "学院路", "滨江大道",
              "新华路", "朝阳北路", "东风路", "湖滨路", "金融街", "五一路", "友谊路", "光明路"]
CN_COMPOUNDS = ["阳光花园", "碧桂园", "万科城", "幸福小区", "翠苑", "锦绣家园", "华府", "金色家园",
                "绿城", "东方明珠苑", "世纪花园", "海景湾"]
CN_MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
                      "150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
                      "173", "176", "177", "180", "181", "182", "183", "185", "186", "187",
                      "188", "189", "191", "198", "199"]
CN_EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "gmail.com", "sina.com", "outlook.com",
                    "foxmail.com", "hotmail.com", "yahoo.com.cn", "139.com"]
CN_COUNTRY = ["CN", "CN", "CN", "China", "中国", "中国", "PRC", "CHN", "chn", "中华人民共和国",
              "People's Republic of China", "china", "Ｃｈｉｎａ", "中国大陆", "P.R.China", ""]

US_MALE = [("William", ["Bill", "Will", "Billy"]), ("Robert", ["Bob", "Rob", "Bobby"]),
           ("Richard", ["Rick", "Dick", "Rich"]), ("James", ["Jim", "Jimmy"]),
           ("John", ["Jack", "Johnny"]), ("Michael", ["Mike", "Mikey"]), ("Christopher", ["Chris"]),
           ("Joseph", ["Joe", "Joey"]), ("Thomas", ["Tom", "Tommy"]), ("Charles", ["Charlie", "Chuck"]),
           ("Daniel", ["Dan", "Danny"]), ("Matthew", ["Matt"]), ("Anthony", ["Tony"]),
           ("Steven", ["Steve"]), ("Andrew", ["Andy", "Drew"]), ("Alexander", ["Alex"]),
           ("Benjamin", ["Ben"]), ("Samuel", ["Sam"]), ("Jonathan", ["Jon"]), ("Nicholas", ["Nick"]),
           ("Edward", ["Ed", "Ted", "Eddie"]), ("David", ["Dave"]), ("Brian", []), ("Kevin", []),
           ("Jason", []), ("Gary", []), ("Ryan", []), ("Eric", []), ("Jacob", ["Jake"]),
           ("Joshua", ["Josh"]), ("Timothy", ["Tim"]), ("Gregory", ["Greg"]), ("Raymond", ["Ray"]),
           ("Lawrence", ["Larry"]), ("Patrick", ["Pat"]), ("Peter", ["Pete"]), ("Mark", []),
           ("Paul", []), ("Kenneth", ["Ken", "Kenny"]), ("Ronald", ["Ron"])]
US_FEMALE = [("Elizabeth", ["Liz", "Beth", "Betty", "Eliza"]), ("Katherine", ["Kate", "Katie", "Kathy"]),
             ("Margaret", ["Peggy", "Maggie", "Meg"]), ("Jennifer", ["Jen", "Jenny"]),
             ("Patricia", ["Pat", "Patty", "Trish"]), ("Susan", ["Sue", "Suzy"]),
             ("Deborah", ["Debbie", "Deb"]), ("Rebecca", ["Becky"]), ("Victoria", ["Vicky", "Tori"]),
             ("Jessica", ["Jess"]), ("Christine", ["Chris", "Chrissy"]), ("Abigail", ["Abby"]),
             ("Samantha", ["Sam"]), ("Alexandra", ["Alex", "Lexi"]), ("Mary", []), ("Linda", []),
             ("Barbara", ["Barb"]), ("Sarah", []), ("Karen", []), ("Nancy", []), ("Lisa", []),
             ("Sandra", ["Sandy"]), ("Ashley", []), ("Emily", []), ("Donna", []), ("Michelle", []),
             ("Carol", []), ("Amanda", ["Mandy"]), ("Melissa", ["Missy"]), ("Laura", []),
             ("Emma", []), ("Olivia", []), ("Sophia", []), ("Dorothy", ["Dot"]), ("Angela", ["Angie"])]
US_SURNAMES = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
               "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
               "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
               "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
               "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
               "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
               "Roberts", "O'Brien", "McDonald", "O'Neil", "MacLeod", "van der Berg", "De La Cruz",
               "Schmidt", "Kowalski", "Murphy", "Sullivan", "Kim", "Chen", "Patel", "Cohen",
               "Fitzgerald", "Larsen", "St. John", "Mueller", "Rossi", "D'Angelo"]
# (city, state, state name, ZIP prefix, area codes)
US_PLACES = [
    ("San Francisco", "CA", "California", "941", ["415", "628"]),
    ("Los Angeles", "CA", "California", "900", ["213", "310", "323"]),
    ("San Diego", "CA", "California", "921", ["619", "858"]),
    ("New York", "NY", "New York", "100", ["212", "646", "917"]),
    ("Brooklyn", "NY", "New York", "112", ["718", "347"]),
    ("Chicago", "IL", "Illinois", "606", ["312", "773"]),
    ("Boston", "MA", "Massachusetts", "021", ["617", "857"]),
    ("Seattle", "WA", "Washington", "981", ["206"]),
    ("Austin", "TX", "Texas", "787", ["512", "737"]),
    ("Houston", "TX", "Texas", "770", ["713", "832"]),
    ("Dallas", "TX", "Texas", "752", ["214", "469"]),
    ("Miami", "FL", "Florida", "331", ["305", "786"]),
    ("Atlanta", "GA", "Georgia", "303", ["404", "678"]),
    ("Denver", "CO", "Colorado", "802", ["303", "720"]),
    ("Phoenix", "AZ", "Arizona", "850", ["602", "480"]),
    ("Portland", "OR", "Oregon", "972", ["503", "971"]),
    ("Las Vegas", "NV", "Nevada", "891", ["702", "725"]),
    ("Washington", "DC", "District of Columbia", "200", ["202"]),
    ("Philadelphia", "PA", "Pennsylvania", "191", ["215", "267"]),
    ("Minneapolis", "MN", "Minnesota", "554", ["612"]),
]
US_STREET_NAMES = ["Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill",
                   "Park", "Market", "Mission", "Valencia", "Broadway", "Sunset", "Highland",
                   "Lincoln", "Jefferson", "Madison", "Franklin", "Church", "Spring", "River",
                   "Forest", "1st", "2nd", "3rd", "5th", "Martin Luther King Jr", "Old Mill"]
# (long, short forms)
US_SUFFIXES = [("Street", ["St", "St.", "Str", "ST"]), ("Avenue", ["Ave", "Ave.", "Av", "AVE"]),
               ("Boulevard", ["Blvd", "Blvd.", "Boul"]), ("Road", ["Rd", "Rd."]),
               ("Drive", ["Dr", "Dr."]), ("Lane", ["Ln", "Ln."]), ("Court", ["Ct", "Ct."]),
               ("Place", ["Pl", "Pl."]), ("Terrace", ["Ter", "Terr"]), ("Way", ["Wy"])]
US_DIRS = [("North", "N"), ("South", "S"), ("East", "E"), ("West", "W")]
US_UNITS = [("Apartment", ["Apt", "Apt.", "#", "APT", "Unit"]), ("Suite", ["Ste", "Ste.", "#"]),
            ("Unit", ["Unit", "#"])]
US_EMAIL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com",
                    "outlook.com", "aol.com", "icloud.com", "comcast.net", "msn.com"]
US_COUNTRY = ["US", "US", "US", "USA", "USA", "United States", "United States of America", "U.S.A.",
              "U.S.", "us", "usa", "America", "美国", "United States", ""]
TYPO_DOMAINS = {"gmail.com": ["gmial.com", "gmai.com", "gmail.con", "gmaill.com", "gamil.com", "gmail.co"],
                "yahoo.com": ["yaho.com", "yahooo.com", "yahoo.con"],
                "hotmail.com": ["hotmial.com", "hotmai.com", "hotmail.co"],
                "outlook.com": ["outlok.com", "outlook.co"], "qq.com": ["qq.con", "qq.cm"],
                "163.com": ["163.con", "163.cm"], "aol.com": ["aol.co"], "icloud.com": ["iclod.com"]}
SOURCES = ["CRM", "ERP", "WEB", "POS", "APP", "CALLCENTER", "LEGACY"]

FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in
             "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+-()./#@,"}
FULLWIDTH[" "] = "\u3000"
ZW = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]
KEYBOARD_NEIGHBORS = {
    "a": "qwsz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc",
    "g": "ftyhbv", "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop",
    "m": "njk", "n": "bhjm", "o": "iklp", "p": "ol", "q": "wa", "r": "edft", "s": "awedxz",
    "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase", "x": "zsdc", "y": "tghu", "z": "asx",
}
CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CN_ID_CHECK = "10X98765432"


def cn_id_check_digit(first17):
    """GB 11643-1999 check character (ISO 7064 MOD 11-2)."""
    s = sum(int(d) * w for d, w in zip(first17, CN_ID_WEIGHTS))
    return CN_ID_CHECK[s % 11]


# ---------------------------------------------------------------- the people

class Entity:
    __slots__ = ("eid", "hid", "country", "family", "given", "family_py", "given_py",
                 "nick", "middle", "gender", "birth", "national_id", "phone", "phone2",
                 "email", "email_local", "email_domain", "place", "street", "detail",
                 "postcode")


def rand_date(rng, y0=1940, y1=2005):
    start = _dt.date(y0, 1, 1).toordinal()
    end = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(rng.randint(start, end))


def cn_mobile(rng):
    return rng.choice(CN_MOBILE_PREFIXES) + "%08d" % rng.randrange(100000000)


def cn_landline(rng, city_short):
    area, n = CN_AREA[city_short]
    return area + str(rng.randint(2, 8)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def us_phone(rng, area):
    exch = rng.randint(2, 9) * 100 + rng.randrange(100)
    while exch % 100 == 11 or exch in (555, 950, 958, 959, 976):
        exch = rng.randint(2, 9) * 100 + rng.randrange(100)
    return area + "%03d" % exch + "%04d" % rng.randrange(10000)


# --common-names K: draw names only from the K most common of each list
# (0: all). Real customer tables are full of Wang Wei and James Smith;
# with K = 3, a name with a birth year is shared by a hundred rows or more
# at 1,000,000 rows, which is what makes match keys crowded.
COMMON_NAMES = 0


def common(names):
    return names[:COMMON_NAMES] if COMMON_NAMES else names


def make_cn_person(rng, e, gender, family=None, place=None, street=None, detail=None, phone=None):
    e.country = "CN"
    e.gender = gender
    fam = family or rng.choices(common(CN_SURNAMES), weights=common(CN_SURNAME_W))[0]
    e.family, e.family_py = fam
    pool = common(CN_GIVEN_M if gender == "M" else CN_GIVEN_F)
    chars = [rng.choice(pool)] if COMMON_NAMES or rng.random() < 0.35 else [rng.choice(pool), rng.choice(pool)]
    e.given = "".join(c for c, _ in chars)
    e.given_py = "".join(p for _, p in chars).capitalize()
    e.nick = None
    e.middle = ""
    e.birth = rand_date(rng)
    e.place = place or rng.choice(CN_PLACES)
    born = e.place if rng.random() < 0.7 else rng.choice(CN_PLACES)
    first17 = born[5] + e.birth.strftime("%Y%m%d") + "%03d" % cn_id_seq(rng, gender)
    e.national_id = first17 + cn_id_check_digit(first17)
    e.street = street or (rng.choice(CN_STREETS), rng.randint(1, 999))
    e.detail = detail or (rng.choice(CN_COMPOUNDS), rng.randint(1, 30), rng.randint(1, 6),
                          rng.randint(1, 33) * 100 + rng.randint(1, 8))
    e.postcode = e.place[6] + "%02d" % rng.randrange(100)
    e.phone = phone or cn_mobile(rng)
    e.phone2 = cn_mobile(rng) if rng.random() < 0.15 else None


def cn_id_seq(rng, gender):
    """Sequence part of a CN resident ID: odd for men, even for women."""
    seq = rng.randrange(1, 500) * 2 + (1 if gender == "M" else 0)
    seq = seq % 1000
    if (seq % 2 == 1) != (gender == "M"):
        seq = (seq + 1) % 1000
    return seq


def us_ssn(rng):
    area = rng.randint(100, 899)
    while area == 666:
        area = rng.randint(100, 899)
    return "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))


def qq_number(rng):
    return str(rng.randint(10000, 2999999999))


def make_cn_email(rng, e):
    py_f, py_g = e.family_py.lower(), e.given_py.lower()
    yy = e.birth.strftime("%y")
    r = rng.random()
    if r < 0.25:
        local = qq_number(rng)
        domain = "qq.com"
    else:
        local = rng.choice([py_f + py_g, py_g + "." + py_f, py_f + "_" + py_g, py_f + py_g + yy,
                            py_g[0] + py_f + str(rng.randint(1, 999)), py_f + "." + py_g + yy])
        domain = rng.choice(CN_EMAIL_DOMAINS)
    return local, domain


_FRESH = object()  # "generate a new value" (None is a real US detail: no unit)


def make_us_person(rng, e, gender, family=None, place=None, street=None, detail=_FRESH, phone=None):
    e.country = "US"
    e.gender = gender
    e.family = family or rng.choice(common(US_SURNAMES))
    e.family_py = e.family
    given, nicks = rng.choice(common(US_MALE if gender == "M" else US_FEMALE))
    e.given = e.given_py = given
    e.nick = rng.choice(nicks) if nicks else None
    e.middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.4 else ""
    e.birth = rand_date(rng)
    e.place = place or rng.choice(US_PLACES)
    e.national_id = us_ssn(rng) if rng.random() < 0.5 else ""
    if street is None:
        name = rng.choice(US_STREET_NAMES)
        suffix = rng.randrange(len(US_SUFFIXES))
        direction = rng.randrange(len(US_DIRS)) if rng.random() < 0.2 else None
        street = (rng.randint(1, 9999), direction, name, suffix)
    e.street = street
    if detail is _FRESH:
        detail = ((rng.randrange(len(US_UNITS)), str(rng.randint(1, 40)) + rng.choice(["", "", "A", "B", "C"]))
                  if rng.random() < 0.35 else None)
    e.detail = detail
    e.postcode = e.place[3] + "%02d" % rng.randrange(100)
    e.phone = phone or us_phone(rng, rng.choice(e.place[4]))
    e.phone2 = us_phone(rng, rng.choice(e.place[4])) if rng.random() < 0.15 else None


def make_us_email(rng, e):
    f, g = e.family.lower().replace(" ", "").replace("'", "").replace(".", ""), e.given.lower()
    yy = e.birth.strftime("%y")
    local = rng.choice([g + "." + f, g + f, g[0] + f, f + g[0], g + "_" + f, g + f + yy,
                        g[0] + f + str(rng.randint(1, 99)), g + "." + f + str(rng.randint(1, 9))])
    return local, rng.choice(US_EMAIL_DOMAINS)


def mailbox(local, domain):
    """The mailbox an address reaches: case-insensitive, and Gmail ignores
    dots in the local part (as customer_clean's e-mail match key does)."""
    local, domain = local.lower(), domain.lower()
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return local + "@" + domain


def assign_email(rng, e, used):
    """Gives e an e-mail address that reaches a mailbox no one else has (the
    address is made from the final name and birth date). A taken address gets
    a number appended, one digit first and longer ones when those are taken
    too; a taken QQ number is drawn again."""
    local, domain = (make_cn_email if e.country == "CN" else make_us_email)(rng, e)
    # (with --common-names, millions share a few names: numbers up to six
    # digits from the start, or finding a free one takes minutes)
    base, top, tries = local, 999999 if COMMON_NAMES else 9, 0
    while mailbox(local, domain) in used:
        if base.isdigit():
            local = qq_number(rng)
            continue
        tries += 1
        if tries % 8 == 0:
            top = top * 10 + 9
        local = base + str(rng.randint(1, top))
    used.add(mailbox(local, domain))
    e.email_local, e.email_domain = local, domain


def claim_national_id(rng, e, used):
    """Makes e's national ID one no one else has: a CN ID taken already gets
    another sequence number (same region, birth date and sex, check character
    recomputed), a taken SSN is drawn again."""
    nid = e.national_id
    if not nid:
        return
    tries = 0
    while nid in used:
        tries += 1
        if tries > 100000:
            sys.exit("gen_customers: no free national ID left for %s" % nid)
        if e.country == "CN":
            first17 = nid[:14] + "%03d" % cn_id_seq(rng, e.gender)
            nid = first17 + cn_id_check_digit(first17)
        else:
            nid = us_ssn(rng)
    used.add(nid)
    e.national_id = nid


def build_entities(rng, n_entities, cn_share, household_share):
    """Entities in creation order; some in multi-person households."""
    ents = []
    next_hid = 1
    used_mail, used_ids = set(), set()

    def finish(e):
        assign_email(rng, e, used_mail)
        claim_national_id(rng, e, used_ids)
        ents.append(e)

    while len(ents) < n_entities:
        cn = rng.random() < cn_share
        make = make_cn_person if cn else make_us_person
        if rng.random() < household_share and n_entities - len(ents) >= 2:
            size = min(rng.choice([2, 2, 2, 3, 3, 4]), n_entities - len(ents))
            head = Entity()
            make(rng, head, rng.choice("MF"))
            home_phone = cn_landline(rng, head.place[3]) if cn and rng.random() < 0.5 else head.phone
            head.phone = home_phone
            members = [head]
            for _ in range(size - 1):
                m = Entity()
                fam = (head.family, head.family_py)
                if cn:
                    make_cn_person(rng, m, rng.choice("MF"), family=fam, place=head.place,
                                   street=head.street, detail=head.detail, phone=home_phone)
                else:
                    make_us_person(rng, m, rng.choice("MF"), family=head.family, place=head.place,
                                   street=head.street, detail=head.detail, phone=home_phone)
                m.postcode = head.postcode
                members.append(m)
            # Household members must differ as people: distinct given name,
            # birth date and ID.
            # (Drawn again from every name, not only the common ones: a
            # household can have more members than there are common names.)
            seen = set()
            for m in members:
                while (m.given, ) in seen:
                    pool = (CN_GIVEN_M if m.gender == "M" else CN_GIVEN_F) if cn else None
                    if cn:
                        chars = [rng.choice(pool), rng.choice(pool)]
                        m.given = "".join(c for c, _ in chars)
                        m.given_py = "".join(p for _, p in chars).capitalize()
                    else:
                        m.given, nicks = rng.choice(US_MALE if m.gender == "M" else US_FEMALE)
                        m.given_py = m.given
                        m.nick = rng.choice(nicks) if nicks else None
                seen.add((m.given, ))
            # distinct birth dates
            births = set()
            for m in members:
                while m.birth in births:
                    m.birth = rand_date(rng)
                    if cn:
                        f17 = m.national_id[:6] + m.birth.strftime("%Y%m%d") + m.national_id[14:17]
                        m.national_id = f17 + cn_id_check_digit(f17)
                births.add(m.birth)
            for m in members:
                m.hid = next_hid
                finish(m)
            next_hid += 1
        else:
            e = Entity()
            make(rng, e, rng.choice("MF"))
            e.hid = next_hid
            next_hid += 1
            finish(e)
    for i, e in enumerate(ents, 1):
        e.eid = i
    return ents


# ---------------------------------------------------------------- corruption

def fullwidth(s, rng, p=1.0):
    if p >= 1.0:
        return "".join(FULLWIDTH.get(c, c) for c in s)
    return "".join(FULLWIDTH.get(c, c) if rng.random() < p else c for c in s)


def add_invisible(s, rng):
    if not s:
        return s
    i = rng.randint(0, len(s))
    return s[:i] + rng.choice(ZW) + s[i:]


def typo(s, rng):
    """One keyboard typo in a Latin word: substitution, deletion, insertion
    or transposition (never on the first letter)."""
    if len(s) < 4:
        return s
    i = rng.randint(1, len(s) - 2)
    k = rng.random()
    c = s[i].lower()
    if k < 0.3 and c in KEYBOARD_NEIGHBORS:
        r = rng.choice(KEYBOARD_NEIGHBORS[c])
        return s[:i] + (r.upper() if s[i].isupper() else r) + s[i + 1:]
    if k < 0.55:
        return s[:i] + s[i + 1:]
    if k < 0.8:
        return s[:i] + s[i] + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def messy_spaces(s, rng):
    r = rng.random()
    if r < 0.4:
        return " " + s
    if r < 0.7:
        return s + "  "
    return s.replace(" ", "  ", 1)


def render_name(e, rng, dirty):
    if e.country == "CN":
        fam, giv, fpy, gpy = e.family, e.given, e.family_py, e.given_py
        style = rng.random()
        if style < 0.55:
            s = fam + giv
        elif style < 0.62:
            s = fam + rng.choice([" ", "\u3000", "·"]) + giv
        elif style < 0.75:
            s = fpy + " " + gpy
        elif style < 0.83:
            s = fpy.upper() + ", " + gpy
        elif style < 0.9:
            s = gpy + " " + fpy.upper()
        elif style < 0.95:
            s = fpy.upper() + " " + gpy
        else:
            s = (fpy + " " + gpy).lower()
        if dirty and s.isascii() and rng.random() < 0.1:
            s = typo(s, rng)
    else:
        first = e.given
        if e.nick and rng.random() < (0.35 if dirty else 0.12):
            first = e.nick
        mid = e.middle
        style = rng.random()
        if style < 0.5:
            s = first + (" " + mid + ("." if rng.random() < 0.6 else "") if mid and rng.random() < 0.5 else "") + " " + e.family
        elif style < 0.65:
            s = e.family + ", " + first + (" " + mid + "." if mid and rng.random() < 0.5 else "")
        elif style < 0.75:
            s = (first + " " + e.family).upper()
        elif style < 0.82:
            s = (e.family + ", " + first).upper()
        elif style < 0.9:
            s = (first + " " + e.family).lower()
        elif style < 0.95:
            s = first[0] + ". " + e.family
        else:
            s = first + " " + e.family + rng.choice([" Jr.", " Jr", " Sr.", " III", ""]) \
                if rng.random() < 0.2 else first + " " + e.family
        if dirty and rng.random() < 0.12:
            parts = s.split(" ")
            j = rng.randrange(len(parts))
            parts[j] = typo(parts[j], rng)
            s = " ".join(parts)
    if rng.random() < 0.03:
        s = fullwidth(s, rng)
    if rng.random() < 0.03:
        s = add_invisible(s, rng)
    if rng.random() < 0.05:
        s = messy_spaces(s, rng)
    return s


def group(digits, sizes, sep):
    out, i = [], 0
    for k in sizes:
        out.append(digits[i:i + k])
        i += k
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(p for p in out if p)


def render_phone(e, rng, dirty):
    number = e.phone
    if e.phone2 and rng.random() < 0.3:
        number = e.phone2
    if e.country == "CN":
        if len(number) == 11 and number[0] == "1":  # mobile
            r = rng.random()
            if r < 0.25:
                s = number
            elif r < 0.4:
                s = group(number, (3, 4, 4), " ")
            elif r < 0.5:
                s = group(number, (3, 4, 4), "-")
            elif r < 0.6:
                s = "+86 " + group(number, (3, 4, 4), "-")
            elif r < 0.67:
                s = "+86" + number
            elif r < 0.73:
                s = rng.choice(["（86）", "(86)", "(+86)", "（+86）"]) + number
            elif r < 0.8:
                s = "0086" + rng.choice(["", " ", "-"]) + number
            elif r < 0.85:
                s = "86" + number
            elif r < 0.9:
                s = group(number, (3, 4, 4), ".")
            elif r < 0.95:
                s = "+86 " + group(number, (3, 4, 4), " ")
            else:
                s = group(number, (3, 3, 5), " ")
        else:  # landline: area code + local
            area = next(a for a, _ in CN_AREA.values() if number.startswith(a))
            local = number[len(area):]
            r = rng.random()
            if r < 0.35:
                s = "0" + area + "-" + local
            elif r < 0.5:
                s = "(0" + area + ")" + local
            elif r < 0.65:
                s = "+86 " + area + " " + group(local, (4, 4), " ")
            elif r < 0.75:
                s = "0" + area + " " + group(local, (4, 4), " ")
            elif r < 0.85:
                s = "0" + number
            elif r < 0.9:
                s = "0" + area + "-" + local + rng.choice(["转", "-", " ext "]) + str(rng.randint(1, 999))
            else:
                s = "0086 " + area + " " + local
    else:
        a, b, c = number[:3], number[3:6], number[6:]
        r = rng.random()
        if r < 0.25:
            s = "(%s) %s-%s" % (a, b, c)
        elif r < 0.45:
            s = "%s-%s-%s" % (a, b, c)
        elif r < 0.55:
            s = "%s.%s.%s" % (a, b, c)
        elif r < 0.62:
            s = "+1 %s.%s.%s" % (a, b, c)
        elif r < 0.7:
            s = "+1 (%s) %s-%s" % (a, b, c)
        elif r < 0.77:
            s = "1-%s-%s-%s" % (a, b, c)
        elif r < 0.85:
            s = number
        elif r < 0.9:
            s = "+1" + number
        elif r < 0.95:
            s = "%s-%s-%s %s" % (a, b, c, rng.choice(["ext 12", "ext. 305", "x12", "x 7", "#101"]))
        else:
            s = "%s %s %s" % (a, b, c)
    if dirty:
        r = rng.random()
        if r < 0.05:
            s = fullwidth(s, rng)
        elif r < 0.07:
            s = add_invisible(s, rng)
        elif r < 0.09:  # a wrong digit (different phone, same person)
            digits = [i for i, ch in enumerate(s) if ch.isdigit()]
            i = rng.choice(digits[-6:])
            s = s[:i] + str((int(s[i]) + rng.randint(1, 9)) % 10) + s[i + 1:]
        elif r < 0.1:  # one digit lost
            digits = [i for i, ch in enumerate(s) if ch.isdigit()]
            i = rng.choice(digits[-6:])
            s = s[:i] + s[i + 1:]
    if rng.random() < 0.03:
        s = messy_spaces(s, rng)
    return s


def render_email(e, rng, dirty):
    local, domain = e.email_local, e.email_domain
    if dirty:
        if domain == "gmail.com":
            r = rng.random()
            if r < 0.25 and len(local) > 3 and "." not in local:
                i = rng.randint(1, len(local) - 1)
                local = local[:i] + "." + local[i:]
            elif r < 0.4:
                local = local + "+" + rng.choice(["shop", "news", "promo", "crm", "2019", "amazon"])
            elif r < 0.5:
                domain = "googlemail.com"
        r = rng.random()
        if r < 0.06 and domain in TYPO_DOMAINS:
            domain = rng.choice(TYPO_DOMAINS[domain])
        elif r < 0.08 and len(local) > 4 and not local.isdigit():
            local = typo(local, rng)
    s = local + "@" + domain
    r = rng.random()
    if r < 0.1:
        s = s.upper() if rng.random() < 0.3 else s[0].upper() + s[1:]
    elif r < 0.14:
        s = local.capitalize() + "@" + domain.capitalize()
    if rng.random() < 0.03:
        s = messy_spaces(s, rng)
    if rng.random() < 0.01:
        s = fullwidth(s, rng)
    if rng.random() < 0.01:
        s = add_invisible(s, rng)
    if rng.random() < 0.005:
        s = "mailto:" + s
    return s


def render_cn_address(e, rng, dirty):
    prov, prov_s, city, city_s, dist = e.place[:5]
    street, no = e.street
    compound, bldg, unit, room = e.detail
    municipal = prov == city
    r = rng.random()
    if r < 0.35:  # full official form
        head = (prov + dist) if municipal else (prov + city + dist)
    elif r < 0.6:  # short forms
        head = (prov_s + dist) if municipal else (prov_s + city_s + dist)
    elif r < 0.72:  # city only
        head = (city + dist) if not municipal else (city_s + dist)
    elif r < 0.82:  # province full, city short
        head = (prov + dist) if municipal else (prov + city_s + dist)
    elif r < 0.9:  # redundant municipality / district only
        head = (prov + city + dist) if municipal else (city_s + dist)
    else:
        head = dist
    road = street + str(no) + rng.choice(["号", "号", "号", "#", ""])
    r = rng.random()
    if r < 0.4:
        det = "%s%d栋%d单元%d室" % (compound, bldg, unit, room)
    elif r < 0.6:
        det = "%s%d号楼%d单元%d" % (compound, bldg, unit, room)
    elif r < 0.75:
        det = "%s%d-%d-%d" % (compound, bldg, unit, room)
    elif r < 0.85:
        det = "%d栋%d室" % (bldg, room)
    elif r < 0.92:
        det = "%s %d幢%d单元%d室" % (compound, bldg, unit, room)
    else:
        det = ""
    sep = rng.choice(["", "", "", " "])
    s = head + sep + road + sep + det
    if dirty:
        r = rng.random()
        if r < 0.06:
            s = fullwidth(s, rng)
        elif r < 0.09:
            s = add_invisible(s, rng)
        elif r < 0.12:
            s = s.replace("号", "號")  # traditional character
    if rng.random() < 0.04:
        s = messy_spaces(s, rng)
    return s


def render_us_address(e, rng, dirty):
    number, direction, name, suffix = e.street
    long_sfx, short_sfx = US_SUFFIXES[suffix]
    parts = [str(number)]
    if direction is not None:
        long_d, short_d = US_DIRS[direction]
        parts.append(long_d if rng.random() < 0.4 else short_d + rng.choice(["", "."]))
    parts.append(name)
    parts.append(long_sfx if rng.random() < 0.4 else rng.choice(short_sfx))
    line = " ".join(parts)
    if e.detail is not None:
        ui, uval = e.detail
        long_u, short_u = US_UNITS[ui]
        u = long_u if rng.random() < 0.3 else rng.choice(short_u)
        line += rng.choice([", ", " "]) + (u + uval if u == "#" else u + " " + uval)
    city, st, st_name = e.place[:3]
    zip5 = e.postcode
    r = rng.random()
    zipt = zip5 if r < 0.7 else (zip5 + "-%04d" % ((e.eid * 7919) % 10000) if r < 0.85 else "")
    state = st if rng.random() < 0.8 else st_name
    tail = ", " + city + ", " + state + (" " + zipt if zipt else "")
    if rng.random() < 0.15:
        tail = ""  # city, state and ZIP only in their own columns
    s = line + tail
    r = rng.random()
    if r < 0.1:
        s = s.upper()
    elif r < 0.15:
        s = s.lower()
    if dirty:
        r = rng.random()
        if r < 0.08:
            words = s.split(" ")
            j = rng.randrange(1, len(words)) if len(words) > 1 else 0
            words[j] = typo(words[j], rng)
            s = " ".join(words)
        elif r < 0.1:
            s = fullwidth(s, rng, 0.5)
        elif r < 0.12:
            s = add_invisible(s, rng)
    if rng.random() < 0.04:
        s = messy_spaces(s, rng)
    return s


def render_country(e, rng):
    return rng.choice(CN_COUNTRY if e.country == "CN" else US_COUNTRY)


def render_postcode(e, rng):
    p = e.postcode
    r = rng.random()
    if r < 0.08:
        return ""
    if e.country == "US":
        if r < 0.2:
            return p + "-%04d" % ((e.eid * 7919) % 10000)
        if r < 0.23:
            return p[:-1] if p.startswith("0") else p  # leading zero kept; a few lose a digit
        if r < 0.26 and p.startswith("0"):
            return p.lstrip("0")  # spreadsheet ate the leading zero
        return p
    if r < 0.12:
        return fullwidth(p, rng)
    if r < 0.16:
        return p[:3] + " " + p[3:]
    return p


def render_birth(e, rng):
    d = e.birth
    if rng.random() < 0.06:
        return ""
    y, m, dd = d.year, d.month, d.day
    r = rng.random()
    if e.country == "CN":
        if r < 0.35:
            return "%04d-%02d-%02d" % (y, m, dd)
        if r < 0.5:
            return "%d年%d月%d日" % (y, m, dd)
        if r < 0.6:
            return "%04d%02d%02d" % (y, m, dd)
        if r < 0.7:
            return "%04d/%d/%d" % (y, m, dd)
        if r < 0.78:
            return "%04d.%02d.%02d" % (y, m, dd)
        if r < 0.84:
            return "%02d-%d-%d" % (y % 100, m, dd)
        if r < 0.9:
            return "%d/%d/%04d" % (dd, m, y)
        if r < 0.95:
            return "%04d年%02d月%02d日" % (y, m, dd)
        return fullwidth("%04d-%02d-%02d" % (y, m, dd), rng)
    if r < 0.35:
        return "%02d/%02d/%04d" % (m, dd, y)
    if r < 0.5:
        return "%04d-%02d-%02d" % (y, m, dd)
    if r < 0.6:
        return "%d/%d/%02d" % (m, dd, y % 100)
    if r < 0.7:
        return d.strftime("%B ") + str(dd) + ", " + str(y)
    if r < 0.78:
        return "%02d.%02d.%04d" % (dd, m, y)
    if r < 0.84:
        return "%02d/%02d/%04d" % (dd, m, y)
    if r < 0.9:
        return d.strftime("%d-%b-%Y")
    if r < 0.95:
        return "%04d%02d%02d" % (y, m, dd)
    return d.strftime("%b %d %Y")


def render_gender(e, rng):
    r = rng.random()
    if r < 0.05:
        return ""
    if r < 0.07:
        return "U"
    m = e.gender == "M"
    if e.country == "CN":
        return rng.choice(["男", "男", "M", "m", "Male", "1"] if m else ["女", "女", "F", "f", "Female", "2"])
    return rng.choice(["M", "M", "Male", "male", "m"] if m else ["F", "F", "Female", "female", "f"])


def render_national_id(e, rng, dirty):
    nid = e.national_id
    if not nid:
        return ""
    r = rng.random()
    if r < 0.1:
        return ""
    if e.country != "CN":
        return nid.replace("-", "") if r < 0.3 else nid
    if dirty:
        r = rng.random()
        if r < 0.04:  # wrong check character
            wrong = rng.choice([c for c in CN_ID_CHECK if c != nid[-1]])
            nid = nid[:17] + wrong
        elif r < 0.06:  # transposed digits
            i = rng.randint(6, 15)
            nid = nid[:i] + nid[i + 1] + nid[i] + nid[i + 2:]
    r = rng.random()
    if r < 0.05 and nid.endswith("X"):
        nid = nid[:-1] + "x"
    elif r < 0.09:
        nid = nid[:6] + " " + nid[6:14] + " " + nid[14:]
    elif r < 0.12:
        nid = fullwidth(nid, rng)
    elif r < 0.14:
        nid = "'" + nid  # spreadsheet text marker
    return nid


_EPOCH = _dt.datetime(2015, 1, 1)


def render_updated(rng):
    t = _EPOCH + _dt.timedelta(seconds=rng.randrange(10 * 365 * 86400))
    return t.strftime("%Y-%m-%d %H:%M:%S")


def render_row(e, rng, dirty):
    """A customer record for entity e. The first record of an entity is
    `dirty=False` (formats vary, but no typos); duplicates are dirty."""
    blank = rng.random
    return [
        e.eid, e.hid,
        render_name(e, rng, dirty),
        "" if blank() < 0.04 else render_phone(e, rng, dirty),
        "" if blank() < 0.1 else render_email(e, rng, dirty),
        "" if blank() < 0.03 else (render_cn_address if e.country == "CN" else render_us_address)(e, rng, dirty),
        render_country(e, rng),
        render_postcode(e, rng),
        render_birth(e, rng),
        render_gender(e, rng),
        render_national_id(e, rng, dirty),
        rng.choice(SOURCES),
        render_updated(rng),
    ]


HEADER = ["id", "true_entity_id", "household_id", "full_name", "phone", "email", "address",
          "country", "postcode", "birth_date", "gender", "national_id", "source_system",
          "updated_at"]
TRUTH_HEADER = ["true_entity_id", "household_id", "country", "family_name", "given_name",
                "family_name_latin", "given_name_latin", "nickname", "middle_initial", "gender",
                "birth_date", "national_id", "phone_e164", "phone2_e164", "email", "address",
                "postcode"]


def truth_row(e):
    cc = "+86" if e.country == "CN" else "+1"
    if e.country == "CN":
        prov, _, city, _, dist = e.place[:5]
        compound, bldg, unit, room = e.detail
        addr = (prov + dist if prov == city else prov + city + dist) + \
            "%s%d号%s%d栋%d单元%d室" % (e.street[0], e.street[1], compound, bldg, unit, room)
    else:
        number, direction, name, suffix = e.street
        addr = " ".join([str(number)] + ([US_DIRS[direction][1]] if direction is not None else [])
                        + [name, US_SUFFIXES[suffix][1][0]])
        if e.detail is not None:
            ui, uval = e.detail
            addr += " " + ("APT" if ui == 0 else "STE" if ui == 1 else "UNIT") + " " + uval
        addr += ", %s, %s %s" % (e.place[0], e.place[1], e.postcode)
    return [e.eid, e.hid, e.country, e.family, e.given, e.family_py, e.given_py, e.nick or "",
            e.middle, e.gender, e.birth.isoformat(), e.national_id, cc + e.phone,
            cc + e.phone2 if e.phone2 else "", (e.email_local + "@" + e.email_domain).lower(), addr,
            e.postcode]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000, help="number of records (default 10000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--dup-rate", type=float, default=0.2,
                    help="share of records that are extra records of a person already present (default 0.2)")
    ap.add_argument("--cn-share", type=float, default=0.6, help="share of Chinese customers (default 0.6)")
    ap.add_argument("--household-share", type=float, default=0.08,
                    help="chance that a new person starts a multi-person household (default 0.08)")
    ap.add_argument("--out", default="-", help="CSV file (default stdout)")
    ap.add_argument("--truth", help="also write the clean attributes of every person to this CSV")
    ap.add_argument("--common-names", type=int, default=0,
                    help="draw names only from the K most common of each list (default 0: all)")
    a = ap.parse_args()
    global COMMON_NAMES
    COMMON_NAMES = max(0, a.common_names)
    if not (0 <= a.dup_rate < 1 and 0 <= a.cn_share <= 1 and 0 <= a.household_share <= 1):
        ap.error("rates must be in [0, 1)")

    rng = random.Random(a.seed)
    n_entities = max(1, round(a.rows * (1 - a.dup_rate)))
    ents = build_entities(rng, n_entities, a.cn_share, a.household_share)
    # Which entity each record describes: every entity once, plus duplicates.
    # Cluster sizes: of the people with duplicates, about 70% have 2
    # records, 20% 3, 7% 4 and 3% 5.
    owners = list(range(n_entities))
    dup_owners = []
    remaining = a.rows - n_entities
    while remaining > 0:
        extra = min(remaining, rng.choices((1, 2, 3, 4), weights=(70, 20, 7, 3))[0])
        dup_owners.extend([rng.randrange(n_entities)] * extra)
        remaining -= extra
    plan = [(i, False) for i in owners] + [(i, True) for i in dup_owners]
    rng.shuffle(plan)

    out = sys.stdout if a.out == "-" else open(a.out, "w", newline="", encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    batch = []
    for rid, (ei, dirty) in enumerate(plan, 1):
        batch.append([rid] + render_row(ents[ei], rng, dirty))
        if len(batch) >= 10000:
            w.writerows(batch)
            batch.clear()
    w.writerows(batch)
    if out is not sys.stdout:
        out.close()
    if a.truth:
        with open(a.truth, "w", newline="", encoding="utf-8") as f:
            tw = csv.writer(f, lineterminator="\n")
            tw.writerow(TRUTH_HEADER)
            tw.writerows(truth_row(e) for e in ents)
    n_hh = len({e.hid for e in ents})
    print("rows=%d entities=%d duplicate_rows=%d households=%d seed=%d"
          % (a.rows, n_entities, a.rows - n_entities, n_hh, a.seed), file=sys.stderr)


if __name__ == "__main__":
    main()
