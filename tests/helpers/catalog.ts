import type { Catalog, Matter } from '../../contract/domain/catalog.ts';

/** A small, valid matter for tests that need one of their own; the shipped catalogue covers the real ones. */
export function testMatter(code: string, name: string, shortName: string): Matter {
  return {
    code,
    name,
    shortName,
    synonyms: [],
    type: '公共服务',
    department: '县（市、区）民政局',
    level: 'village',
    legalBasis: ['《中华人民共和国老年人权益保障法》'],
    conditions: ['本地户籍'],
    materials: [
      {
        id: 'id-card',
        name: '居民身份证',
        form: 'original',
        count: 1,
        requirement: 'required',
        exemptions: [{ kind: 'id-card-proves', reason: '现场读取身份证' }],
      },
    ],
    steps: [{ name: '申请', actor: '申请人', description: '到村便民服务站申请' }],
    timeLimit: { kind: 'immediate' },
    fees: { free: true, description: '不收费' },
    class: 1,
    tags: ['马上办'],
    lifeEvents: ['elderly'],
    selfService: true,
    proxyAllowed: true,
    rongque: false,
  };
}

export function testCatalog(version: string, matters: Matter[]): Catalog {
  return {
    version,
    publishedAt: '2026-11-01',
    publisher: '测试乡镇便民服务中心',
    lifeEvents: [{ id: 'elderly', name: '养老', nameEn: 'Old age', icon: '👴' }],
    matters,
  };
}
