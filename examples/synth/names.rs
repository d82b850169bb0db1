//! Names for synthetic people, units and sources: Chinese names with pinyin, English names,
//! brands built from syllables. Every table is fixed, so a seed always gives the same names.

use ali_timeline::store::date::PartialDate;
use ali_timeline::store::model::{Person, Source, Unit, UnitKind};

use super::rng::Rng;

/// Common surnames: characters and pinyin. `高` and `宋` make "gao song" match someone.
const SURNAMES: [(&str, &str); 40] = [
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("赵", "Zhao"),
    ("黄", "Huang"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("胡", "Hu"),
    ("朱", "Zhu"),
    ("高", "Gao"),
    ("林", "Lin"),
    ("何", "He"),
    ("郭", "Guo"),
    ("马", "Ma"),
    ("罗", "Luo"),
    ("梁", "Liang"),
    ("宋", "Song"),
    ("郑", "Zheng"),
    ("谢", "Xie"),
    ("韩", "Han"),
    ("唐", "Tang"),
    ("冯", "Feng"),
    ("于", "Yu"),
    ("董", "Dong"),
    ("萧", "Xiao"),
    ("程", "Cheng"),
    ("曹", "Cao"),
    ("袁", "Yuan"),
    ("邓", "Deng"),
    ("许", "Xu"),
    ("傅", "Fu"),
    ("沈", "Shen"),
    ("曾", "Zeng"),
    ("彭", "Peng"),
    ("樊", "Fan"),
];

/// Characters of given names with their pinyin.
const GIVEN: [(&str, &str); 48] = [
    ("晓", "xiao"),
    ("松", "song"),
    ("伟", "wei"),
    ("东", "dong"),
    ("永", "yong"),
    ("福", "fu"),
    ("路", "lu"),
    ("远", "yuan"),
    ("春", "chun"),
    ("宁", "ning"),
    ("明", "ming"),
    ("华", "hua"),
    ("建", "jian"),
    ("国", "guo"),
    ("丽", "li"),
    ("静", "jing"),
    ("磊", "lei"),
    ("洋", "yang"),
    ("艳", "yan"),
    ("勇", "yong"),
    ("军", "jun"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("斌", "bin"),
    ("超", "chao"),
    ("秀", "xiu"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂", "gui"),
    ("英", "ying"),
    ("文", "wen"),
    ("辉", "hui"),
    ("鹏", "peng"),
    ("飞", "fei"),
    ("峰", "feng"),
    ("琳", "lin"),
    ("欣", "xin"),
    ("宇", "yu"),
    ("浩", "hao"),
    ("然", "ran"),
    ("婷", "ting"),
    ("柯", "ke"),
    ("高", "gao"),
    ("凯", "kai"),
    ("思", "si"),
    ("雨", "yu"),
];

/// English first names some executives go by.
const ENGLISH: [&str; 16] = [
    "Daniel", "Tony", "Jack", "Joe", "Lucy", "Jessie", "Eddie", "Michael", "Sandy", "Kevin", "Ray",
    "Simon", "Grace", "Vivian", "Henry", "Peter",
];

/// Names of people from outside China (no Chinese name on record).
const WESTERN: [(&str, &str); 12] = [
    ("Maria", "Keller"),
    ("James", "Osei"),
    ("Hannah", "Lindqvist"),
    ("Carlos", "Mendes"),
    ("Yuki", "Tanaka"),
    ("Priya", "Raman"),
    ("Oliver", "Grant"),
    ("Sofia", "Rossi"),
    ("Ahmed", "Haddad"),
    ("Emma", "Dubois"),
    ("Lukas", "Novak"),
    ("Min-jun", "Park"),
];

/// Brand syllables for unit names.
const BRAND: [(&str, &str); 32] = [
    ("星", "Xing"),
    ("云", "yun"),
    ("天", "Tian"),
    ("乐", "le"),
    ("海", "Hai"),
    ("光", "guang"),
    ("华", "Hua"),
    ("龙", "long"),
    ("锦", "Jin"),
    ("鸿", "hong"),
    ("蓝", "Lan"),
    ("金", "jin"),
    ("飞", "Fei"),
    ("鱼", "yu"),
    ("虾", "Xia"),
    ("米", "mi"),
    ("优", "You"),
    ("酷", "ku"),
    ("大", "Da"),
    ("麦", "mai"),
    ("淘", "Tao"),
    ("票", "piao"),
    ("动", "Dong"),
    ("听", "ting"),
    ("新", "Xin"),
    ("视", "shi"),
    ("阅", "Yue"),
    ("文", "wen"),
    ("火", "Huo"),
    ("山", "shan"),
    ("橙", "Cheng"),
    ("果", "guo"),
];

/// Business sectors: English, Chinese, pinyin, and a tag.
pub const SECTORS: [(&str, &str, &str, &str); 12] = [
    ("Music", "音乐", "yinyue", "music"),
    ("Pictures", "影业", "yingye", "film"),
    ("Video", "视频", "shipin", "video"),
    ("Games", "游戏", "youxi", "games"),
    ("Literature", "文学", "wenxue", "literature"),
    ("Ticketing", "票务", "piaowu", "ticketing"),
    ("Sports", "体育", "tiyu", "sports"),
    ("Media", "传媒", "chuanmei", "media"),
    ("Technology", "科技", "keji", "technology"),
    ("Culture", "文化", "wenhua", "culture"),
    ("Animation", "动漫", "dongman", "animation"),
    ("Live", "直播", "zhibo", "live"),
];

/// Outside organisations: competitors, labels, studios.
const OUTSIDERS: [&str; 12] = [
    "Northwind Records",
    "Blue Harbor Studios",
    "Meridian Pictures",
    "Redline Games",
    "Silver Arc Media",
    "Harbor Lights Music",
    "Granite Capital",
    "Evergreen Publishing",
    "Pacific Stage Tickets",
    "Lumen Broadcasting",
    "Orchid Animation",
    "Summit Sports Network",
];

const PUBLISHERS: [&str; 10] = [
    "Reuters",
    "Caixin",
    "South China Morning Post",
    "Sina Tech",
    "36Kr",
    "TechNode",
    "Bloomberg",
    "Jiemian",
    "The Paper",
    "Yicai",
];

/// A lowercase, hyphenated id stem (`gao-xiaosong`) from ASCII words of `name`.
pub fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// A given name of one or two characters: (characters, pinyin).
fn given(rng: &mut Rng) -> (String, String) {
    let (mut zh, mut py) = (String::new(), String::new());
    for _ in 0..rng.range(1, 2) {
        let (c, p) = rng.pick(&GIVEN);
        zh.push_str(c);
        py.push_str(p);
    }
    (zh, py)
}

/// Person number `i`. Every 400th is a "Gao Song…" and every 400th (offset 200) a "Song Gao…",
/// so the query "gao song" always has people to find.
pub fn person(rng: &mut Rng, i: usize) -> Person {
    let (mut surname, (mut zh_given, mut py_given)) = (*rng.pick(&SURNAMES), given(rng));
    if i.is_multiple_of(400) || i % 400 == 200 {
        let (first, first_py) = if i.is_multiple_of(400) {
            (("高", "Gao"), "song")
        } else {
            (("宋", "Song"), "gao")
        };
        surname = first;
        let (tail_zh, tail_py) = if rng.chance(0.5) {
            let (c, p) = rng.pick(&GIVEN);
            (c.to_string(), p.to_string())
        } else {
            (String::new(), String::new())
        };
        zh_given = if first_py == "song" { "松" } else { "高" }.to_string() + &tail_zh;
        py_given = first_py.to_string() + &tail_py;
    }
    let pinyin = format!("{} {}", surname.1, capitalised(&py_given));
    let roll = rng.below(100);
    let (name, name_zh, aliases) = if roll < 5 {
        let (first, last) = rng.pick(&WESTERN);
        (format!("{first} {last}"), None, Vec::new())
    } else if roll < 20 {
        let english = rng.pick(&ENGLISH);
        let alias = pinyin.to_lowercase();
        (
            format!("{english} {}", surname.1),
            Some(format!("{}{zh_given}", surname.0)),
            vec![alias],
        )
    } else {
        let reversed = format!("{} {}", capitalised(&py_given), surname.1).to_lowercase();
        (
            pinyin.clone(),
            Some(format!("{}{zh_given}", surname.0)),
            vec![pinyin.to_lowercase(), reversed],
        )
    };
    let note = rng.chance(0.1).then(|| {
        format!(
            "Executive profile compiled from company filings; also reported as {}.",
            aliases.first().map_or(name.as_str(), String::as_str)
        )
    });
    Person {
        id: format!("{}-p{i}", slug(&name)),
        name,
        name_zh,
        aliases,
        note,
    }
}

/// A two-syllable brand: (characters, pinyin written as one word).
fn brand(rng: &mut Rng) -> (String, String) {
    let (a, pa) = rng.pick(&BRAND);
    let (b, pb) = rng.pick(&BRAND);
    (
        format!("{a}{b}"),
        capitalised(&format!("{pa}{pb}").to_lowercase()),
    )
}

/// Unit number `i` of `kind`, named after a brand and a sector.
pub fn unit(rng: &mut Rng, i: usize, kind: UnitKind) -> Unit {
    let (zh, py) = brand(rng);
    let (sector, sector_zh, sector_py, _) = *rng.pick(&SECTORS);
    let (name, name_zh, aliases) = match kind {
        UnitKind::Group => (
            format!("{py} Group"),
            Some(format!("{zh}集团")),
            vec![format!("{} jituan", py.to_lowercase())],
        ),
        UnitKind::BusinessGroup => (
            format!("{py} {sector} Business Group"),
            Some(format!("{zh}{sector_zh}事业群")),
            vec![format!("{} {sector_py}", py.to_lowercase())],
        ),
        UnitKind::Company => (
            format!("{py} {sector}"),
            Some(format!("{zh}{sector_zh}")),
            vec![format!("{} {sector_py}", py.to_lowercase())],
        ),
        UnitKind::Division => (
            format!("{py} {sector} Division"),
            Some(format!("{zh}{sector_zh}部")),
            Vec::new(),
        ),
        UnitKind::Platform => (
            format!("{py} {sector} App"),
            Some(format!("{zh}{sector_zh}")),
            vec![py.to_lowercase()],
        ),
        UnitKind::External => (rng.pick(&OUTSIDERS).to_string(), None, Vec::new()),
    };
    let note = rng
        .chance(0.05)
        .then(|| format!("Known in early filings as {py} {sector} Co., Ltd."));
    Unit {
        id: format!("{}-u{i}", slug(&name)),
        name,
        name_zh,
        aliases,
        kind,
        since: None,
        since_sources: Vec::new(),
        note,
    }
}

/// Source number `i`: a seed article, or a dated public report with a URL.
pub fn source(rng: &mut Rng, i: usize) -> Source {
    if rng.chance(0.3) {
        return Source {
            id: format!("seed-s{i}"),
            seed: Some(format!("{:03}", rng.range(1, 999))),
            about: None,
            title: None,
            publisher: None,
            date: None,
            url: None,
        };
    }
    let publisher = rng.pick(&PUBLISHERS);
    let (brand_zh, brand_py) = brand(rng);
    let year = i32::try_from(rng.range(1995, 2024)).unwrap_or(2015);
    let month = u32::try_from(rng.range(1, 12)).unwrap_or(1);
    let day = u32::try_from(rng.range(1, 28)).unwrap_or(1);
    let date = PartialDate::new(year, Some(month), Some(day), false).ok();
    Source {
        id: format!("{}-{year}-s{i}", slug(publisher)),
        seed: None,
        about: None,
        title: Some(format!(
            "{brand_py} ({brand_zh}) reshapes its entertainment arm as rivals regroup"
        )),
        publisher: Some((*publisher).to_string()),
        date,
        url: Some(format!(
            "https://news.example.com/{year}/{}/{i}",
            brand_py.to_lowercase()
        )),
    }
}
