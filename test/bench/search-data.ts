import { pinyin } from 'pinyin-pro';
import { EMPTY_CONTACT_FIELDS, type Contact } from '../../shared/schemas/contact';
import { EMPTY_CUSTOMER_FIELDS, type Customer } from '../../shared/schemas/customer';

/**
 * A deterministic, realistic-looking customer base for the search benchmark: 60 % Chinese
 * companies (city + brand + industry + company form: 上海宝钢钢铁有限公司, with a short name,
 * pinyin mail domain, code, tax number and landline), 40 % English ones (Northwind Pacific Trading
 * Ltd); contacts with common Chinese surnames and given names (张伟, 单丽, 曾静…) or English names,
 * pinyin or English email addresses and mobile numbers in mixed formats. Runs in Node and, bundled,
 * in the extension page that seeds the replica (test/bench/search.ts).
 */

const CITIES = '上海 北京 深圳 广州 杭州 南京 苏州 天津 重庆 成都 武汉 西安 宁波 青岛 厦门 无锡 佛山 东莞 长沙 郑州'.split(' ');
const AREA = ['21', '10', '755', '20', '571', '25', '512', '22', '23', '28', '27', '29', '574', '532', '592', '510', '757', '769', '731', '371'];
const BRAND_CHARS = '宝钢华信海通明珠中兴恒达新天利源鑫泰安康瑞丰嘉盛宏远金龙凯博德永昌荣汇和辉光誉腾飞祥云峰立志诚正泓晟益佳美星辰锦润航鼎隆创凌'.split('');
const CN_INDUSTRIES = '钢铁 科技 贸易 电子 机械 化工 物流 医药 食品 纺织 建材 能源 汽车配件 包装 精密制造 集团'.split(' ');
const CN_FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司', ''];
const EN_BRANDS = 'Acme Northwind Contoso Fabrikam Globex Initech Umbrella Stark Wayne Tyrell Cyberdyne Soylent Aperture Vandelay Wonka Oceanic Pioneer Summit Apex Atlas Zenith Nova Orion Vertex Harbor Sterling Meridian Keystone Evergreen Bluewater Redwood Silverline Granite Falcon Beacon Horizon Liberty Crescent Pinnacle Triton'.split(' ');
const EN_REGIONS = 'Pacific Atlantic Global Eastern Western Northern Southern Asia Euro Union Continental Coastal International Metro United Royal Prime First Central Delta'.split(' ');
const EN_INDUSTRIES = 'Steel Trading Electronics Logistics Pharma Foods Textiles Machinery Chemicals Packaging Energy Motors'.split(' ');
const EN_FORMS = ['Ltd', 'Co., Ltd.', 'Inc.', 'GmbH', 'LLC', 'Group'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单仇区'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力兰斌宇浩凯健俊帆帅旭宁颖琳婷雪慧佳欣怡晨阳鹏飞博峰志国海波云亮成龙东'.split('');
const FIRST = 'James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra Paul Ashley Steven Emily Andrew Olivia Kevin Emma Brian Sophia George Chloe Oliver Lucas Hannah Mia Noah Ethan Grace'.split(' ');
const LAST = 'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Park Müller Schmidt OBrien'.split(' ');

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AT = '2026-01-01T00:00:00.000Z';
const py = (text: string): string => pinyin(text, { toneType: 'none', type: 'array', v: true }).join('');
/** v4-shaped uuid from a counter (the replica does not check; keeps ids sortable and unique). */
const idOf = (kind: number, n: number): string =>
  `${n.toString(16).padStart(8, '0')}-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

export type GeneratedCustomer = { customer: Customer; contacts: Contact[] };

/** Customer i (0-based) and its contacts; the same i always gives the same rows. */
export function generateCustomer(i: number, contactsPerCustomer: number, ownerIds: string[]): GeneratedCustomer {
  const r = random(i * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const chinese = r() < 0.6;
  let name: string;
  let shortNames: string[] = [];
  let domain: string;
  let phone: string;
  if (chinese) {
    const city = Math.floor(r() * CITIES.length);
    const brand = pick(BRAND_CHARS) + pick(BRAND_CHARS);
    name = `${CITIES[city]}${brand}${pick(CN_INDUSTRIES)}${pick(CN_FORMS)}`;
    if (r() < 0.5) shortNames = [brand];
    domain = `${py(brand)}${i % 7 === 0 ? '' : i % 1000}.${pick(['com', 'com.cn', 'cn'])}`;
    const digits = String(50_000_000 + Math.floor(r() * 49_999_999));
    phone = r() < 0.5 ? `+86 ${AREA[city]} ${digits.slice(0, 4)} ${digits.slice(4)}` : `0${AREA[city]}-${digits}`;
  } else {
    const brand = pick(EN_BRANDS);
    name = `${brand} ${pick(EN_REGIONS)} ${pick(EN_INDUSTRIES)} ${pick(EN_FORMS)}`;
    if (r() < 0.3) shortNames = [brand];
    domain = `${brand.toLowerCase()}${i % 1000}.${pick(['com', 'co.uk', 'de', 'com.sg'])}`;
    phone = `+${pick(['1', '44', '49', '65'])} ${Math.floor(r() * 900 + 100)} ${Math.floor(r() * 9_000_000 + 1_000_000)}`;
  }
  const customerId = idOf(1, i + 1);
  const customer: Customer = {
    ...EMPTY_CUSTOMER_FIELDS,
    id: customerId,
    name,
    code: `C${String(i + 1).padStart(6, '0')}`,
    shortNames,
    customerClass: pick(['A', 'B', 'C', null] as const),
    ownerUserId: pick([...ownerIds, null]),
    emailDomains: [domain],
    taxNumber: chinese ? `91${String(310_000 + (i % 90_000)).padStart(6, '0')}${String(i).padStart(9, '0')}${pick('0123456789ABCDEFGHJKLMNPQRTUWXY'.split(''))}` : null,
    profile: { ...EMPTY_CUSTOMER_FIELDS.profile, phone },
    createdAt: AT,
    updatedAt: AT,
    version: 1,
  };
  const contacts: Contact[] = [];
  for (let k = 0; k < contactsPerCustomer; k++) {
    const j = i * contactsPerCustomer + k;
    let personName: string;
    let local: string;
    if (chinese ? r() < 0.85 : r() < 0.1) {
      const surname = pick(SURNAMES);
      const given = r() < 0.45 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
      personName = surname + given;
      const [s, g] = [py(surname), py(given)];
      local = pick([`${g}.${s}`, `${s}${g}`, `${s}.${g}${j % 100}`, `${s[0]}${g}`]);
    } else {
      const [first, last] = [pick(FIRST), pick(LAST)];
      personName = `${first} ${last}`;
      local = pick([`${first}.${last}`, `${first[0]}${last}`, `${first}`]).toLowerCase();
    }
    const mobile = `1${pick(['38', '39', '58', '86', '35', '77'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    const phoneText = pick([
      `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
      `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`,
      mobile,
    ]);
    contacts.push({
      ...EMPTY_CONTACT_FIELDS,
      id: idOf(2, j + 1),
      customerId,
      name: personName,
      emails: [`${local}@${domain}`],
      phones: r() < 0.7 ? [phoneText] : [],
      createdAt: AT,
      updatedAt: AT,
      version: 1,
    });
  }
  return { customer, contacts };
}
