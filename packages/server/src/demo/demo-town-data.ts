/** A believable small town office: 部 › 課 › 係, codes as a payroll system would number them. */
export const demoDepartments: {
  code: string;
  name: string;
  sections: { code: string; name: string; units: string[] }[];
}[] = [
  {
    code: "100",
    name: "総務部",
    sections: [
      { code: "110", name: "総務課", units: ["人事係", "庶務係", "情報政策係"] },
      { code: "120", name: "企画財政課", units: ["企画係", "財政係"] },
      { code: "130", name: "税務課", units: ["住民税係", "資産税係", "収納係"] },
    ],
  },
  {
    code: "200",
    name: "住民福祉部",
    sections: [
      { code: "210", name: "住民課", units: ["戸籍住民係", "保険年金係"] },
      { code: "220", name: "健康福祉課", units: ["福祉係", "健康づくり係", "介護保険係"] },
      { code: "230", name: "子育て支援課", units: ["子育て支援係"] },
    ],
  },
  {
    code: "300",
    name: "産業建設部",
    sections: [
      { code: "310", name: "農林水産課", units: ["農政係", "水産係"] },
      { code: "320", name: "商工観光課", units: ["商工係", "観光係"] },
      { code: "330", name: "建設課", units: ["土木係", "管理係"] },
      { code: "340", name: "上下水道課", units: ["水道係", "下水道係"] },
    ],
  },
  {
    code: "400",
    name: "教育委員会事務局",
    sections: [
      { code: "410", name: "教育総務課", units: ["学校教育係"] },
      { code: "420", name: "生涯学習課", units: ["社会教育係", "文化財係"] },
    ],
  },
];

export const demoPositions = [
  { code: "10", name: "部長", rank: 10, isSectionHead: true },
  { code: "20", name: "課長", rank: 20, isSectionHead: true },
  { code: "30", name: "課長補佐", rank: 30, isSectionHead: false },
  { code: "40", name: "係長", rank: 40, isSectionHead: false },
  { code: "50", name: "主査", rank: 50, isSectionHead: false },
  { code: "60", name: "主任", rank: 60, isSectionHead: false },
  { code: "70", name: "主事", rank: 70, isSectionHead: false },
  { code: "71", name: "技師", rank: 71, isSectionHead: false },
  { code: "90", name: "会計年度任用職員", rank: 90, isSectionHead: false },
];

export const familyNames: [string, string][] = [
  ["佐藤", "サトウ"],
  ["鈴木", "スズキ"],
  ["高橋", "タカハシ"],
  ["田中", "タナカ"],
  ["渡辺", "ワタナベ"],
  ["伊藤", "イトウ"],
  ["山本", "ヤマモト"],
  ["中村", "ナカムラ"],
  ["小林", "コバヤシ"],
  ["加藤", "カトウ"],
  ["吉田", "ヨシダ"],
  ["山田", "ヤマダ"],
  ["松本", "マツモト"],
  ["井上", "イノウエ"],
  ["木村", "キムラ"],
  ["林", "ハヤシ"],
  ["清水", "シミズ"],
  ["山口", "ヤマグチ"],
  ["森", "モリ"],
  ["池田", "イケダ"],
  ["橋本", "ハシモト"],
  ["石川", "イシカワ"],
  ["岡田", "オカダ"],
  ["藤井", "フジイ"],
  ["三木", "ミキ"],
  ["大西", "オオニシ"],
  ["香川", "カガワ"],
  ["真砂", "マサゴ"],
  ["川田", "カワタ"],
  ["坂東", "バンドウ"],
  ["植松", "ウエマツ"],
  ["濱中", "ハマナカ"],
];

export const givenNames: [string, string][] = [
  ["大輔", "ダイスケ"],
  ["健太", "ケンタ"],
  ["翔太", "ショウタ"],
  ["拓也", "タクヤ"],
  ["直樹", "ナオキ"],
  ["浩二", "コウジ"],
  ["誠", "マコト"],
  ["隆", "タカシ"],
  ["和也", "カズヤ"],
  ["亮", "リョウ"],
  ["悠斗", "ユウト"],
  ["蓮", "レン"],
  ["恵子", "ケイコ"],
  ["裕子", "ユウコ"],
  ["美穂", "ミホ"],
  ["由美", "ユミ"],
  ["真由美", "マユミ"],
  ["智子", "トモコ"],
  ["陽子", "ヨウコ"],
  ["彩", "アヤ"],
  ["舞", "マイ"],
  ["葵", "アオイ"],
  ["結衣", "ユイ"],
  ["美咲", "ミサキ"],
  ["千尋", "チヒロ"],
  ["久美子", "クミコ"],
  ["正人", "マサト"],
  ["秀樹", "ヒデキ"],
  ["明美", "アケミ"],
  ["和子", "カズコ"],
];
