/**
 * A realistic import file for the import_10k_s benchmark: a CRM export with the customer
 * repeated on each contact's row (as most exports do), Chinese and English companies and people,
 * quoted addresses with commas, several phones in one cell, amounts written like "12.5万".
 * Deterministic (a seeded generator), so two runs import the same file.
 */
const REGIONS = ['上海', '北京', '深圳', '广州', '杭州', '苏州', '南京', '成都', '武汉', '天津', '重庆', '宁波', '青岛', '厦门', '无锡', '佛山'];
const BRANDS = ['宏达', '华信', '海通', '明珠', '金桥', '东方', '新元', '恒泰', '瑞丰', '永盛', '嘉禾', '中联', '远航', '天成', '盛世', '鼎新', '博雅', '安泰', '信诚', '德润'];
const TRADES = ['钢铁', '电子科技', '贸易', '机械制造', '化工', '物流', '建材', '纺织', '汽车零部件', '医疗器械', '新能源', '食品'];
const CN_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];
const EN_FIRST = ['Northwind', 'Bluewater', 'Summit', 'Redwood', 'Silverline', 'Ironbridge', 'Greenfield', 'Starling', 'Harbor', 'Oakridge', 'Westbrook', 'Crescent'];
const EN_TRADES = ['Trading', 'Logistics', 'Industries', 'Electronics', 'Materials', 'Foods', 'Machinery', 'Chemicals', 'Textiles', 'Energy'];
const EN_SUFFIXES = ['Co., Ltd.', 'Inc.', 'GmbH', 'LLC', 'Ltd.', 'Pte. Ltd.'];
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超'];
const EN_PEOPLE = ['John Smith', 'Anna Müller', 'Maria Garcia', 'James Brown', 'Linda Chen', 'Peter Novak', 'Sara Rossi', 'David Kim'];
const TITLES = ['采购经理', '总经理', '工程师', '财务总监', 'Purchasing Manager', 'CEO', 'Buyer', '技术总监'];
const INDUSTRIES = ['钢铁', '电子', '贸易', '制造', '化工', 'Logistics', 'Retail', 'Energy'];

/** mulberry32: small, seeded, good enough to spread picks. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = ['客户编号', '客户名称', '简称', '税号', '客户等级', '行业', '地址', '网址', '邮箱域名', '累计金额', '标签', '联系人', '职务', '手机', '邮箱'];

// Ten words, no two sharing a letter or character: a serial spelled in them keeps any two names
// at least two edits apart, so the file holds no near-duplicates by accident.
const CN_DIGITS = ['甲子', '乙丑', '丙寅', '丁卯', '戊辰', '己巳', '庚午', '辛未', '壬申', '癸酉'];
const EN_DIGITS = ['Alfa', 'Bravo', 'Delta', 'Echo', 'Golf', 'Hotel', 'Kilo', 'Lima', 'Oscar', 'Papa'];
const spell = (n: number, digits: string[], join: string) => [...String(n)].map((d) => digits[Number(d)]).join(join);

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** `rows` data rows; about one customer in four has a second contact on its own row. */
export function importFileCsv(rows: number, seed = 20240315): { csv: string; customers: number; contacts: number } {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const lines = [HEADER.join(',')];
  let customers = 0;
  let n = 0;
  while (lines.length - 1 < rows) {
    n++;
    customers++;
    const chinese = rnd() < 0.7;
    const code = `C-${String(n).padStart(6, '0')}`;
    const name = chinese
      ? `${pick(REGIONS)}${pick(BRANDS)}${spell(n, CN_DIGITS, '')}${pick(TRADES)}${pick(CN_SUFFIXES)}`
      : `${pick(EN_FIRST)} ${spell(n, EN_DIGITS, ' ')} ${pick(EN_TRADES)} ${pick(EN_SUFFIXES)}`;
    const domain = `c${n}.${chinese ? 'example.cn' : 'example.com'}`;
    const tax = `91${String(310000 + (n % 90000)).padStart(6, '0')}${String(n).padStart(9, '0')}X`;
    const customer = [
      code,
      name,
      chinese ? name.slice(2, 4) : name.split(' ')[0]!,
      tax,
      pick(['A', 'B', 'C', 'B类', 'C级']),
      pick(INDUSTRIES),
      chinese ? `${pick(REGIONS)}市${pick(BRANDS)}路${n % 999}号, ${n % 30}楼` : `${n % 999} Harbour Road, Suite ${n % 50}`,
      `www.${domain}`,
      domain,
      rnd() < 0.5 ? `${Math.round(rnd() * 500) / 10}万` : String(Math.round(rnd() * 5_000_000)),
      pick(['重点;华东', 'VIP', '新客户', '']),
    ];
    const contactsHere = rnd() < 0.25 ? 2 : 1;
    const people = new Set<string>();
    for (let c = 0; c < contactsHere && lines.length - 1 < rows; c++) {
      let person = '';
      // Two people of one customer never share a name (the import would take them for one person).
      while (person === '' || people.has(person)) person = chinese ? `${pick(SURNAMES)}${pick(GIVEN)}${pick(['', ...GIVEN])}` : pick(EN_PEOPLE);
      people.add(person);
      const phones = `1${3 + Math.floor(rnd() * 6)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}${rnd() < 0.2 ? `; 021-${String(n).padStart(8, '0')}` : ''}`;
      const contact = [person, pick(TITLES), phones, `p${n}x${c}@${domain}`];
      lines.push([...customer, ...contact].map(quote).join(','));
    }
  }
  const contacts = lines.length - 1;
  return { csv: `${lines.join('\r\n')}\r\n`, customers, contacts };
}
