import type { TopLevelSpec } from 'vega-lite';

export interface EmbeddingChartInput {
  title: string;
  subtitle?: string;
  /** 2-D points: x, y and class name. */
  points: { x: number; y: number; label: string }[];
  /** Class prototypes (or class means), drawn as labelled markers; empty for none. */
  prototypes: { x: number; y: number; label: string }[];
  /** Class names in the order colours are assigned: the tree's leaf order puts siblings in similar hues. */
  classOrder: string[];
  /** 'prototype' (learnt or fixed) or 'class mean' (heads without prototypes), for the legend. */
  prototypeKind: 'prototype' | 'class mean';
}

/**
 * A Figure-1-like picture as a Vega-Lite spec: test embeddings as small dots coloured by class on a dark
 * ground (as the seed's figure); learnt or fixed prototypes as white labelled squares on top, class means of
 * heads without prototypes as white labelled discs.
 */
export function embeddingChartSpec(input: EmbeddingChartInput): TopLevelSpec {
  const color = {
    field: 'label',
    type: 'ordinal' as const,
    title: 'class',
    sort: input.classOrder,
    scale: { domain: input.classOrder, scheme: 'rainbow' },
  };
  const prototypeLayers = [
    {
      data: { values: input.prototypes },
      mark: {
        type: 'point',
        filled: true,
        size: 420,
        shape: input.prototypeKind === 'prototype' ? 'square' : 'circle',
        color: '#fff',
        opacity: 0.95,
      },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    },
    {
      data: { values: input.prototypes },
      mark: { type: 'text', fontSize: 13, fontWeight: 'bold', font: 'DejaVu Sans', color: '#000' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, subtitle: input.subtitle ?? '' },
    width: 480,
    height: 480,
    background: '#101014',
    config: {
      view: { stroke: '#444' },
      title: { color: '#eee', subtitleColor: '#bbb', fontSize: 15 },
      axis: { labelColor: '#aaa', titleColor: '#ccc', gridColor: '#2a2a30', domainColor: '#555', tickColor: '#555' },
      legend: { labelColor: '#ccc', titleColor: '#ccc' },
    },
    layer: [
      {
        data: { values: input.points },
        mark: { type: 'point', filled: true, size: 10, opacity: 0.7, shape: 'circle' },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'embedding 1', scale: { zero: false, nice: true } },
          y: { field: 'y', type: 'quantitative', title: 'embedding 2', scale: { zero: false, nice: true } },
          color,
        },
      },
      ...(input.prototypes.length === 0 ? [] : prototypeLayers),
    ],
  } as TopLevelSpec;
}
