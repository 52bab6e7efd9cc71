//! A small gazetteer of place and group names, written down as facts: countries, US states,
//! capitals and large cities, regions, nationalities and demonyms, religious and political
//! groups, common given names and words that end organisation names.
//!
//! The recogniser uses it as features (a name in the list is a hint, not a decision) and to
//! split places into GPE (with a government) and LOC. Matching is on lower-cased word
//! sequences of up to five words; it is not a knowledge base and knows no aliases beyond
//! the listed ones.

use crate::hash;
use crate::linear::KeyMap;
use std::sync::OnceLock;

/// Kinds of gazetteer entries, as bits.
pub mod kind {
    /// A sovereign country.
    pub const COUNTRY: u16 = 1;
    /// A US state, Canadian province or similar subdivision.
    pub const STATE: u16 = 1 << 1;
    /// A capital or large city.
    pub const CITY: u16 = 1 << 2;
    /// A continent, region, sea, river or mountain range.
    pub const REGION: u16 = 1 << 3;
    /// A nationality or demonym ("Chinese", "Americans").
    pub const NATIONALITY: u16 = 1 << 4;
    /// A religious or political group ("Muslims", "Republicans").
    pub const GROUP: u16 = 1 << 5;
    /// A common given name.
    pub const GIVEN_NAME: u16 = 1 << 6;
    /// A word that ends or heads organisation names ("Inc.", "University", "Ministry").
    pub const ORG_WORD: u16 = 1 << 7;
    /// A personal title ("Mr.", "President").
    pub const TITLE: u16 = 1 << 8;
    /// A well-known organisation ("United Nations", "NATO").
    pub const ORG: u16 = 1 << 9;

    /// Kinds that are places with a government.
    pub const GPE: u16 = COUNTRY | STATE | CITY;
}

const COUNTRIES: &str = "afghanistan|albania|algeria|andorra|angola|antigua and barbuda|argentina|armenia|australia|\
austria|azerbaijan|bahamas|the bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|\
bosnia|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burma|burundi|cambodia|cameroon|canada|\
cape verde|central african republic|chad|chile|china|colombia|comoros|congo|democratic republic of the congo|\
costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|east timor|\
ecuador|egypt|el salvador|equatorial guinea|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|\
georgia|germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|honduras|hungary|iceland|india|\
indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|north korea|\
south korea|korea|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|\
luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|marshall islands|mauritania|mauritius|mexico|micronesia|\
moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nauru|nepal|netherlands|the netherlands|\
holland|new zealand|nicaragua|niger|nigeria|north macedonia|macedonia|norway|oman|pakistan|palau|palestine|panama|\
papua new guinea|paraguay|peru|philippines|the philippines|poland|portugal|qatar|romania|russia|rwanda|\
saint kitts and nevis|saint lucia|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|\
slovakia|slovenia|solomon islands|somalia|south africa|south sudan|spain|sri lanka|sudan|suriname|swaziland|sweden|\
switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad and tobago|tunisia|turkey|turkmenistan|\
tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|u.k.|britain|great britain|england|scotland|wales|\
northern ireland|united states|united states of america|the united states|usa|u.s.a.|us|u.s.|america|uruguay|\
uzbekistan|vanuatu|vatican|vatican city|venezuela|vietnam|viet nam|yemen|zambia|zimbabwe|soviet union|ussr|\
hong kong|puerto rico|greenland|gaza|west bank|tibet|chechnya|kurdistan|yugoslavia|czechoslovakia|prussia|\
persia|ceylon|rhodesia|zaire";

const STATES: &str = "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|\
idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|\
missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york state|north carolina|north dakota|\
ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|\
washington state|west virginia|wisconsin|wyoming|district of columbia|d.c.|ala.|ariz.|ark.|calif.|colo.|conn.|\
del.|fla.|ga.|ill.|ind.|kan.|ky.|la.|md.|mass.|mich.|minn.|miss.|mo.|mont.|neb.|nev.|n.h.|n.j.|n.m.|n.y.|n.c.|\
n.d.|okla.|ore.|pa.|r.i.|s.c.|s.d.|tenn.|tex.|vt.|va.|wash.|w.va.|wis.|wyo.|ontario|quebec|british columbia|\
alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|bavaria|catalonia|punjab|kashmir|bengal|\
kerala|tamil nadu|maharashtra|gujarat|sindh|balochistan|baluchistan|xinjiang|guangdong|sichuan|queensland|\
new south wales|victoria|tasmania|siberia|crimea|donbas|anbar|kandahar|helmand|darfur|kurdistan region";

const CITIES: &str = "new york|new york city|nyc|los angeles|l.a.|chicago|houston|phoenix|philadelphia|san antonio|\
san diego|dallas|san jose|austin|jacksonville|san francisco|columbus|fort worth|indianapolis|charlotte|seattle|\
denver|washington|el paso|boston|detroit|nashville|portland|memphis|oklahoma city|las vegas|louisville|baltimore|\
milwaukee|albuquerque|tucson|fresno|sacramento|kansas city|atlanta|miami|raleigh|omaha|minneapolis|cleveland|\
tulsa|oakland|tampa|new orleans|honolulu|pittsburgh|cincinnati|st. louis|saint louis|orlando|buffalo|anchorage|\
salt lake city|richmond|hartford|providence|newark|boise|des moines|madison|little rock|santa fe|albany|annapolis|\
trenton|harrisburg|springfield|sacramento|montgomery|juneau|tallahassee|baton rouge|jackson|lansing|st. paul|\
toronto|montreal|vancouver|ottawa|calgary|edmonton|mexico city|guadalajara|havana|kingston|bogota|bogotá|lima|\
caracas|quito|santiago|buenos aires|montevideo|asuncion|la paz|brasilia|brasília|rio de janeiro|rio|são paulo|\
sao paulo|london|paris|berlin|madrid|barcelona|rome|milan|naples|lisbon|dublin|edinburgh|glasgow|manchester|\
liverpool|birmingham|leeds|oxford|cambridge|amsterdam|rotterdam|the hague|brussels|luxembourg city|geneva|zurich|\
bern|vienna|prague|budapest|warsaw|krakow|bucharest|sofia|belgrade|zagreb|sarajevo|athens|istanbul|ankara|moscow|\
st. petersburg|saint petersburg|kyiv|kiev|kharkiv|odessa|minsk|riga|vilnius|tallinn|helsinki|stockholm|oslo|\
copenhagen|reykjavik|munich|frankfurt|hamburg|cologne|marseille|lyon|nice|venice|florence|seville|valencia|porto|\
beijing|shanghai|hong kong|shenzhen|guangzhou|wuhan|chongqing|tianjin|taipei|tokyo|osaka|kyoto|seoul|pyongyang|\
manila|jakarta|bangkok|hanoi|ho chi minh city|saigon|kuala lumpur|phnom penh|yangon|rangoon|dhaka|kathmandu|\
new delhi|delhi|mumbai|bombay|kolkata|calcutta|chennai|madras|bangalore|bengaluru|hyderabad|karachi|lahore|\
islamabad|rawalpindi|peshawar|kabul|kandahar|tehran|baghdad|basra|mosul|fallujah|falluja|ramadi|najaf|karbala|\
tikrit|kirkuk|samarra|damascus|aleppo|beirut|amman|jerusalem|tel aviv|gaza city|ramallah|cairo|alexandria|riyadh|\
jeddah|mecca|medina|dubai|abu dhabi|doha|kuwait city|muscat|sanaa|manama|tripoli|benghazi|tunis|algiers|rabat|\
casablanca|khartoum|addis ababa|nairobi|mogadishu|kampala|kigali|dar es salaam|lagos|abuja|accra|dakar|kinshasa|\
luanda|harare|lusaka|johannesburg|cape town|pretoria|durban|sydney|melbourne|brisbane|perth|adelaide|canberra|\
auckland|wellington|christchurch|hollywood|brooklyn|manhattan|queens|the bronx|bronx|staten island|silicon valley|\
ames|geelong|allentown|cleveland|duluth|edmonton|dubrovnik|nagasaki|hiroshima|guantanamo|srebrenica";

const REGIONS: &str = "africa|asia|europe|north america|south america|latin america|central america|antarctica|\
australasia|oceania|eurasia|the middle east|middle east|the mideast|mideast|the far east|far east|east asia|\
southeast asia|south asia|central asia|western europe|eastern europe|the balkans|balkans|scandinavia|the caribbean|\
caribbean|the gulf|persian gulf|the persian gulf|arabian peninsula|sahara|the sahara|sub-saharan africa|\
north africa|west africa|east africa|southern africa|the west|the east|pacific|the pacific|pacific ocean|\
atlantic|the atlantic|atlantic ocean|indian ocean|arctic|the arctic|mediterranean|the mediterranean|red sea|\
black sea|caspian sea|dead sea|north sea|baltic|the baltic|nile|the nile|amazon|the amazon|euphrates|tigris|\
mississippi river|the mississippi|himalayas|the himalayas|alps|the alps|andes|rockies|the rockies|\
rocky mountains|appalachians|great lakes|new england|the midwest|midwest|the south|deep south|the northeast|\
the southwest|west coast|east coast|gulf coast|bay area|the bay area|everest|mount everest|kilimanjaro|\
sinai|golan heights|the golan heights|kashmir valley|horn of africa|the sahel|patagonia|siberia|hudson river|\
lake michigan|lake tahoe|yellowstone|grand canyon|niagara falls|cape cod|long island|mount olympus|\
korean peninsula|strait of hormuz|south china sea|east china sea|taiwan strait|suez canal|panama canal";

const NATIONALITIES: &str = "afghan|afghans|albanian|albanians|algerian|algerians|american|americans|angolan|\
argentine|argentinian|argentinians|argentineans|armenian|armenians|australian|australians|austrian|austrians|\
azerbaijani|azeri|bahraini|bangladeshi|bangladeshis|belarusian|belgian|belgians|bolivian|bosnian|bosnians|\
brazilian|brazilians|british|briton|britons|brit|brits|bulgarian|burmese|cambodian|cameroonian|canadian|\
canadians|chilean|chileans|chinese|colombian|colombians|congolese|croatian|croat|croats|cuban|cubans|cypriot|\
czech|czechs|danish|dane|danes|dutch|dutchman|ecuadorian|egyptian|egyptians|emirati|english|englishman|eritrean|\
estonian|ethiopian|ethiopians|european|europeans|filipino|filipinos|philippine|finnish|finn|finns|french|\
frenchman|frenchmen|georgian|georgians|german|germans|ghanaian|greek|greeks|guatemalan|haitian|haitians|honduran|\
hungarian|hungarians|icelandic|indian|indians|indonesian|indonesians|iranian|iranians|iraqi|iraqis|irish|\
irishman|israeli|israelis|italian|italians|ivorian|jamaican|jamaicans|japanese|jordanian|jordanians|kazakh|\
kenyan|kenyans|korean|koreans|kosovar|kuwaiti|kuwaitis|kyrgyz|lao|laotian|latvian|lebanese|liberian|libyan|\
libyans|lithuanian|macedonian|malagasy|malaysian|malaysians|maltese|mexican|mexicans|moldovan|mongolian|\
montenegrin|moroccan|moroccans|mozambican|namibian|nepalese|nepali|new zealander|nicaraguan|nigerian|nigerians|\
norwegian|norwegians|omani|pakistani|pakistanis|palestinian|palestinians|panamanian|paraguayan|persian|persians|\
peruvian|peruvians|polish|pole|poles|portuguese|qatari|romanian|romanians|russian|russians|rwandan|saudi|saudis|\
scottish|scot|scots|senegalese|serbian|serb|serbs|singaporean|slovak|slovakian|slovenian|somali|somalis|\
south african|south africans|south korean|south koreans|north korean|north koreans|soviet|soviets|spanish|\
spaniard|spaniards|sri lankan|sudanese|swedish|swede|swedes|swiss|syrian|syrians|taiwanese|tajik|tanzanian|thai|\
tibetan|tibetans|tunisian|turkish|turk|turks|turkmen|ugandan|ukrainian|ukrainians|uruguayan|uzbek|venezuelan|\
venezuelans|vietnamese|welsh|yemeni|yemenis|zambian|zimbabwean|zimbabweans|african|africans|asian|asians|\
latino|latinos|latina|hispanic|hispanics|arab|arabs|arabian|kurd|kurds|kurdish|pashtun|pashtuns|tamil|tamils|\
sinhalese|punjabi|bengali|hindi|hutu|tutsi|yankee|yankees|texan|texans|californian|californians|new yorker|\
new yorkers|parisian|parisians|londoner|londoners|westerner|westerners|latin american|latin americans|\
middle eastern|scandinavian|caribbean|balkan|slavic|anglo|anglo-saxon|aboriginal|native american|\
native americans|west indian|west indians|afro-american|african american|african americans|mujahedeen|\
mujahideen|taliban";

const GROUPS: &str = "muslim|muslims|moslem|moslems|islamic|christian|christians|catholic|catholics|\
protestant|protestants|evangelical|evangelicals|baptist|baptists|methodist|methodists|lutheran|lutherans|\
anglican|anglicans|mormon|mormons|orthodox|jew|jews|jewish|hindu|hindus|buddhist|buddhists|sikh|sikhs|sunni|\
sunnis|shia|shiite|shiites|shi'ite|shi'ites|sufi|wahhabi|salafi|salafist|salafists|atheist|atheists|pagan|pagans|\
democrat|democrats|democratic|republican|republicans|gop|tory|tories|labourite|communist|communists|socialist|\
socialists|marxist|marxists|leninist|maoist|maoists|fascist|fascists|nazi|nazis|neo-nazi|neo-nazis|liberal|\
liberals|conservative|conservatives|libertarian|libertarians|green|greens|neocon|neocons|neoconservative|\
neoconservatives|baathist|baathists|ba'athist|zionist|zionists|islamist|islamists|jihadist|jihadists|\
bolshevik|bolsheviks|druze|alawite|alawites|maronite|copt|copts|coptic|yazidi|yazidis|quaker|quakers|amish|\
mennonite|hasidic|rastafarian|scientologist|scientologists";

const GIVEN_NAMES: &str = "james|john|robert|michael|william|david|richard|joseph|thomas|charles|christopher|\
daniel|matthew|anthony|mark|donald|steven|paul|andrew|joshua|kenneth|kevin|brian|george|timothy|ronald|edward|\
jason|jeffrey|ryan|jacob|gary|nicholas|eric|jonathan|stephen|larry|justin|scott|brandon|benjamin|samuel|gregory|\
alexander|frank|patrick|raymond|jack|dennis|jerry|tyler|aaron|jose|adam|nathan|henry|douglas|zachary|peter|kyle|\
ethan|walter|noah|jeremy|christian|keith|roger|terry|gerald|harold|sean|austin|carl|arthur|lawrence|dylan|jesse|\
jordan|bryan|billy|joe|bruce|gabriel|logan|albert|willie|alan|juan|wayne|elijah|randy|roy|vincent|ralph|eugene|\
russell|bobby|mason|philip|louis|mary|patricia|jennifer|linda|elizabeth|barbara|susan|jessica|sarah|karen|lisa|\
nancy|betty|margaret|sandra|ashley|kimberly|emily|donna|michelle|carol|amanda|dorothy|melissa|deborah|stephanie|\
rebecca|sharon|laura|cynthia|kathleen|amy|angela|shirley|anna|brenda|pamela|emma|nicole|helen|samantha|katherine|\
christine|debra|rachel|carolyn|janet|catherine|maria|heather|diane|ruth|julie|olivia|joyce|virginia|victoria|\
kelly|lauren|christina|joan|evelyn|judith|megan|andrea|cheryl|hannah|jacqueline|martha|gloria|teresa|ann|sara|\
madison|frances|kathryn|janice|jean|abigail|alice|judy|sophia|grace|denise|amber|doris|marilyn|danielle|beverly|\
isabella|theresa|diana|natalie|brittany|charlotte|marie|kayla|alexis|lori|bill|bob|jim|tom|mike|dave|steve|chris|\
tony|dan|matt|jeff|ken|greg|tim|ron|ed|jon|nick|rick|pete|sam|ben|fred|ted|al|jen|jenny|kate|katie|liz|beth|sue|\
meg|deb|debbie|cathy|kathy|vince|phil|heather|val|max|sally|tina|vicky|barack|hillary|vladimir|xi|angela|boris|\
emmanuel|recep|narendra|benjamin|bashar|saddam|osama|ayman|abu|abdul|abdullah|ahmed|ahmad|mohammed|muhammad|\
mohamed|mahmoud|ali|hassan|hussein|omar|khalid|yusuf|ibrahim|mustafa|ismail|hamid|karim|tariq|fatima|aisha|\
wei|li|zhang|wang|chen|liu|hiroshi|takeshi|yuki|kim|park|raj|rahul|amit|sanjay|priya|vijay|carlos|luis|miguel|\
pedro|jorge|manuel|francisco|antonio|pablo|diego|javier|fernando|ricardo|alejandro|sergio|andrés|ivan|igor|\
dmitri|sergei|alexei|nikolai|olga|natasha|pierre|jacques|jean-pierre|françois|marcel|hans|klaus|jürgen|wolfgang|\
giovanni|giuseppe|marco|luca|sven|lars|erik|olaf|kofi|nelson|desmond|jesus|mohammad|moses|abraham";

const ORG_WORDS: &str = "inc|inc.|corp|corp.|corporation|co.|company|companies|ltd|ltd.|llc|plc|gmbh|ag|\
s.a.|group|holdings|partners|associates|bank|university|college|institute|institution|academy|school|\
association|society|council|committee|commission|department|ministry|agency|administration|authority|bureau|\
office|service|services|board|foundation|trust|fund|federation|union|league|alliance|coalition|party|front|\
movement|organization|organisation|network|center|centre|hospital|clinic|church|mosque|temple|court|congress|\
parliament|senate|assembly|army|navy|force|forces|corps|police|guard|brigade|industries|technologies|systems|\
airlines|airways|motors|energy|oil|petroleum|communications|media|news|times|post|journal|herald|tribune|\
gazette|press|radio|television|tv|records|studios|entertainment|club|team|fc|club|restaurant|hotel|cafe|cafeteria|\
store|stores|market|mart|shop|pharmacy|salon|garage|bakery|grill|pizza|diner|inn|bar|pub";

const TITLES: &str = "mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|prof|prof.|sir|dame|lord|lady|president|\
vice-president|prime minister|minister|secretary|senator|sen.|rep.|representative|governor|gov.|mayor|judge|\
justice|general|gen.|colonel|col.|major|maj.|captain|capt.|lieutenant|lt.|sergeant|sgt.|admiral|adm.|king|queen|\
prince|princess|pope|bishop|cardinal|rabbi|imam|sheikh|shaikh|ayatollah|father|rev.|reverend|chairman|ceo|\
director|spokesman|spokeswoman|chancellor|ambassador|commissioner|chief|officer|agent|coach|saint|st.";

const ORGS: &str = "united nations|un|u.n.|nato|european union|eu|e.u.|world bank|imf|\
international monetary fund|world health organization|who|wto|world trade organization|opec|african union|\
arab league|asean|g7|g8|g20|red cross|red crescent|amnesty international|human rights watch|greenpeace|\
fbi|cia|nsa|dhs|pentagon|white house|the white house|kremlin|the kremlin|congress|senate|house of representatives|\
supreme court|state department|justice department|defense department|treasury|federal reserve|fed|sec|fda|\
epa|nasa|irs|fema|faa|fcc|ftc|doj|dod|nhs|bbc|cnn|fox news|msnbc|nbc|cbs|abc|npr|pbs|reuters|\
associated press|ap|afp|al jazeera|al-jazeera|new york times|washington post|wall street journal|\
financial times|the guardian|guardian|the economist|economist|usa today|los angeles times|bloomberg|\
xinhua|tass|itar-tass|google|microsoft|apple|amazon|facebook|meta|twitter|yahoo|ibm|intel|enron|exxon|\
exxonmobil|chevron|bp|shell|general motors|gm|ford|toyota|honda|boeing|airbus|walmart|wal-mart|goldman sachs|\
jpmorgan|citigroup|citibank|morgan stanley|merrill lynch|al qaeda|al-qaeda|al qaida|hamas|hezbollah|hizbollah|\
isis|isil|taliban|muslim brotherhood|plo|ira|eta|farc|kgb|mossad|interpol|europol|harvard|yale|stanford|mit|\
oxford university|cambridge university|princeton|columbia university|democratic party|republican party|\
labour party|conservative party|communist party|kuomintang|likud|ba'ath party|baath party";

struct Table {
    entries: KeyMap<u16>,
    max_len: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries: KeyMap<u16> = KeyMap::default();
        let mut max_len = 1;
        let lists = [
            (COUNTRIES, kind::COUNTRY),
            (STATES, kind::STATE),
            (CITIES, kind::CITY),
            (REGIONS, kind::REGION),
            (NATIONALITIES, kind::NATIONALITY),
            (GROUPS, kind::GROUP),
            (GIVEN_NAMES, kind::GIVEN_NAME),
            (ORG_WORDS, kind::ORG_WORD),
            (TITLES, kind::TITLE),
            (ORGS, kind::ORG),
        ];
        for (list, k) in lists {
            for name in list.split('|') {
                let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
                if words.is_empty() {
                    continue;
                }
                max_len = max_len.max(words.len());
                *entries.entry(phrase_key(&words)).or_insert(0) |= k;
            }
        }
        Table { entries, max_len }
    })
}

/// Whether a word names a day of the week or a month, written out or abbreviated ("Wed.",
/// "Sept").
pub fn is_calendar_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ];
    let lower = word.trim_end_matches('.').to_lowercase();
    WORDS.contains(&lower.as_str())
}

/// The kinds of a phrase (lower-cased match), 0 if it is not in the gazetteer.
pub fn lookup(words: &[&str]) -> u16 {
    if words.is_empty() {
        return 0;
    }
    table().entries.get(&phrase_key(words)).copied().unwrap_or(0)
}

/// Where a word sits in the longest gazetteer match that covers it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Match {
    /// Kinds of the matched phrase (0: no match).
    pub kinds: u16,
    /// 0: single word, 1: first, 2: inside, 3: last.
    pub position: u8,
}

/// For each word, the longest gazetteer phrase (leftmost first) that covers it. Words are
/// matched in one left-to-right sweep, so the cost is linear in the number of words.
pub fn matches(words: &[&str]) -> Vec<Match> {
    let t = table();
    matches_with(words, t.max_len, |phrase| t.entries.get(&phrase_key(phrase)).copied().unwrap_or(0))
}

/// The key of a lower-cased phrase, as phrase tables store it.
pub fn phrase_key(words: &[&str]) -> u32 {
    let mut h = 0x6761_7a65u64;
    for w in words {
        h = hash::mix(h, hash::lower(w));
    }
    crate::linear::key(h)
}

/// Longest-match sweep with any phrase table (`lookup` gives the kinds of a phrase, 0 for
/// none), phrases of at most `max_len` words.
pub fn matches_with(words: &[&str], max_len: usize, lookup: impl Fn(&[&str]) -> u16) -> Vec<Match> {
    let mut out = vec![Match::default(); words.len()];
    let mut i = 0;
    while i < words.len() {
        let mut found = None;
        for len in (1..=max_len.min(words.len() - i)).rev() {
            let k = lookup(&words[i..i + len]);
            if k != 0 {
                found = Some((len, k));
                break;
            }
        }
        match found {
            Some((len, kinds)) => {
                for (j, m) in out[i..i + len].iter_mut().enumerate() {
                    let position = if len == 1 {
                        0
                    } else if j == 0 {
                        1
                    } else if j + 1 == len {
                        3
                    } else {
                        2
                    };
                    *m = Match { kinds, position };
                }
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(lookup(&["China"]), kind::COUNTRY);
        assert_eq!(lookup(&["Chinese"]), kind::NATIONALITY);
        assert_ne!(lookup(&["new", "york"]) & kind::CITY, 0);
        assert_eq!(lookup(&["Republicans"]), kind::GROUP);
        assert_eq!(lookup(&["Zorblax"]), 0);
        assert_ne!(lookup(&["Georgia"]) & kind::COUNTRY, 0);
    }

    #[test]
    fn longest_match_wins() {
        let m = matches(&["in", "New", "York", "City", "today"]);
        assert_eq!(m[0].kinds, 0);
        assert_eq!((m[1].position, m[2].position, m[3].position), (1, 2, 3));
        assert_ne!(m[1].kinds & kind::CITY, 0);
        assert_eq!(m[4].kinds, 0);
        assert!(matches(&[]).is_empty());
    }
}
