import { it } from 'vitest';
import * as metrics from '@mgp/metrics';
import * as core from '@mgp/core';
import * as hierarchy from '@mgp/hierarchy';
it('lists', () => {
  for (const [name, mod] of Object.entries({ metrics, core, hierarchy })) {
    for (const [k, v] of Object.entries(mod)) {
      const kind = typeof v === 'function' ? (/^class\b/.test(Function.prototype.toString.call(v)) ? 'class' : 'function') : typeof v;
      let extra = '';
      if (kind === 'class') {
        extra = ' static:' + Object.getOwnPropertyNames(v).filter((s) => typeof (v as any)[s] === 'function').join(',') + ' proto:' + Object.getOwnPropertyNames((v as any).prototype).join(',');
      }
      console.log(name, k, kind, typeof v === 'function' ? (v as Function).length : '', extra);
    }
  }
});
