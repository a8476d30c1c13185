/** The test reader of Prometheus text accepts what the format allows and names what it refuses. */
import { expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus-text';

const GOOD = `# HELP x_total Things.
# TYPE x_total counter
x_total{reason="a \\"quoted\\" one"} 3
# TYPE h histogram
h_bucket{le="0.1"} 1
h_bucket{le="+Inf"} 2
h_sum 0.3
h_count 2
`;

it('reads samples, labels and histograms', () => {
  expect(parsePrometheusText(GOOD)).toEqual([
    { name: 'x_total', labels: { reason: 'a "quoted" one' }, value: 3 },
    { name: 'h_bucket', labels: { le: '0.1' }, value: 1 },
    { name: 'h_bucket', labels: { le: '+Inf' }, value: 2 },
    { name: 'h_sum', labels: {}, value: 0.3 },
    { name: 'h_count', labels: {}, value: 2 },
  ]);
});

it('refuses what is not Prometheus text', () => {
  expect(() => parsePrometheusText('y 1\n')).toThrow(/no TYPE line/);
  expect(() => parsePrometheusText('# TYPE y gauge\ny one\n')).toThrow(/not a number/);
  expect(() => parsePrometheusText('# TYPE y gauge\ny{a=b} 1\n')).toThrow(/bad labels/);
  expect(() => parsePrometheusText('# TYPE y gauge\ny 1')).toThrow(/newline/);
  expect(() => parsePrometheusText(GOOD.replace('h_count 2', 'h_count 3'))).toThrow(/\+Inf bucket/);
  expect(() => parsePrometheusText(GOOD.replace('h_bucket{le="+Inf"} 2', 'h_bucket{le="+Inf"} 0'))).toThrow(/do not rise/);
});
