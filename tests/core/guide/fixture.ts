import { readFileSync } from 'node:fs';
import { Matter } from '../../../contract/domain/catalog.ts';
import type { Material } from '../../../contract/domain/catalog.ts';

/** 老年优待证办理, the 衡阳 template's example guide, validated against the contract. */
export function elderlyCard(): Matter {
  return Matter.parse(JSON.parse(readFileSync(new URL('../../fixtures/matter-elderly-card.json', import.meta.url), 'utf8')));
}

const FORMS: Material['form'][] = ['original', 'copy', 'original-and-copy', 'electronic'];
const KINDS = ['no-legal-basis', 'database-lookup', 'home-visit', 'unverifiable', 'id-card-proves'] as const;

/** The sample matter with `n` materials of every form, some secondary, some exempt, some with notes. */
export function withMaterials(n: number): Matter {
  const materials: Material[] = Array.from({ length: n }, (_, i) => ({
    id: `m-${i + 1}`,
    name: `第${i + 1}号申报材料（含村委会证明、户口簿首页及本人页）`,
    form: FORMS[i % FORMS.length] ?? 'copy',
    count: (i % 3) + 1,
    requirement: i % 4 === 3 ? 'secondary' : 'required',
    exemptions:
      i % 5 === 0
        ? [{ kind: KINDS[(i / 5) % KINDS.length] ?? 'home-visit', reason: `第${i + 1}号材料可由工作人员核实`, source: '县民政局数据共享平台' }]
        : [],
    ...(i % 7 === 0 ? { note: `第${i + 1}号材料须加盖公章` } : {}),
  }));
  return Matter.parse({ ...elderlyCard(), rongque: true, materials });
}
