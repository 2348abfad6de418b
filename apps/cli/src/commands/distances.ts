import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { readHierarchyFile } from '../data/hierarchy-file';
import { CliError } from '../errors';
import { toJson } from '../report/files';
import type { CliIo } from './io';
import { choiceOption } from './options';

interface DistancesOptions {
  hierarchy?: string;
  format: 'json' | 'csv';
  kind: 'path' | 'lcaHeight';
  nodes: 'leaves' | 'all';
  out?: string;
}

export function distancesCommand(io: CliIo): Command {
  return new Command('distances')
    .summary('print the cost matrix D of a hierarchy, as JSON or CSV')
    .description(
      'Print the cost matrix D of a class hierarchy (tree distances between classes), as JSON or CSV.\n' +
        "The hierarchy file may be nested JSON ({\"root\": [...]} or {tree, leaves}), a parent map, paths, or 'parent child' lines.",
    )
    .requiredOption('--hierarchy <file>', 'class hierarchy file')
    .option('--format <format>', 'json or csv', choiceOption(['json', 'csv'] as const), 'json')
    .option('--kind <kind>', "'path' (edges between the nodes) or 'lcaHeight' (height of their lowest common ancestor)", choiceOption(['path', 'lcaHeight'] as const), 'path')
    .option('--nodes <which>', "'leaves' (classes, in label order) or 'all' (leaves, then internal nodes)", choiceOption(['leaves', 'all'] as const), 'leaves')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', '\nExample:\n  mgp distances --hierarchy data/mnist-digits-hierarchy.json --format csv')
    .action((options: DistancesOptions) => {
      const text = distancesText(options);
      if (options.out) writeFileSync(options.out, text);
      else io.stdout.write(text);
    });
}

export function distancesText(options: DistancesOptions): string {
  if (!options.hierarchy) throw new CliError("missing --hierarchy <file>");
  const h = readHierarchyFile(options.hierarchy);
  const matrix = h.distanceMatrix({ kind: options.kind, nodes: options.nodes });
  const names = options.nodes === 'leaves' ? [...h.leaves] : [...h.nodes];
  if (options.format === 'csv') {
    const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return `${['', ...names].map(cell).join(',')}\n${matrix.map((row, i) => [cell(names[i]), ...row.map(String)].join(',')).join('\n')}\n`;
  }
  return toJson({ kind: options.kind, nodes: names, D: matrix });
}
