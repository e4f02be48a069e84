#!/usr/bin/env python3
"""readability-lxml (Debian python3-readability) over the Zyte benchmark pages, for
comparison with faultline's extractor: writes the JSON evaluate.py reads and prints
pages/s for the extraction alone (pages are decompressed beforehand)."""
import gzip
import json
import sys
import time
from pathlib import Path

import lxml.html
from readability import Document


def text_of(summary_html):
    root = lxml.html.fromstring(summary_html)
    blocks = []
    for el in root.iter('p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'td'):
        t = ' '.join(el.text_content().split())
        if t:
            blocks.append(t)
    return '\n\n'.join(blocks) if blocks else ' '.join(root.text_content().split())


def main():
    bench_dir, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    truth = json.loads((bench_dir / 'ground-truth.json').read_text(encoding='utf8'))
    pages = {k: gzip.open(bench_dir / 'html' / f'{k}.html.gz').read().decode('utf8', 'replace')
             for k in truth}
    out = {}
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    for key, html in pages.items():
        try:
            out[key] = {'articleBody': text_of(Document(html).summary(html_partial=True))}
        except Exception as e:  # readability raises on some pages; count them as empty
            print(f'{key}: {e}', file=sys.stderr)
            out[key] = {'articleBody': ''}
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    size = sum(len(h.encode('utf8')) for h in pages.values())
    print(f'readability-lxml: {len(pages)} pages ({size / 1e6:.1f} MB): {cpu:.3f} s CPU, '
          f'{len(pages) / cpu:.0f} pages/s (wall {wall:.3f} s, {len(pages) / wall:.0f} pages/s)')
    out_path.write_text(json.dumps(out), encoding='utf8')


if __name__ == '__main__':
    main()
