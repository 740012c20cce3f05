// The addresses a source of each kind may have (data/README.md, "Where the facts come from"). Official
// sources (a lab's repository, site or model card) and secondary ones are too many to list; reviewers check those.
import type { SourceKind } from './atlas';

export const SOURCE_HOSTS: Partial<Record<SourceKind, readonly string[]>> = {
  arxiv: ['arxiv.org/', 'export.arxiv.org/', 'web3.arxiv.org/', 'ar5iv.labs.arxiv.org/', 'ar5iv.org/'],
  // Pages that reproduce the arXiv listing (title, authors, v1 date, id) unchanged.
  'arxiv-mirror': ['huggingface.co/papers/', 'alphaxiv.org/', 'emergentmind.com/papers/', 'emergentmind.com/articles/', 'api.emergentmind.com/', 'thelatestinai.com/paper/', 'arxiv-vanity.com/', 'scholar.archive.org/'],
  venue: [
    'openreview.net/', 'proceedings.neurips.cc/', 'papers.nips.cc/', 'papers.neurips.cc/', 'neurips.cc/', 'nips.cc/', 'proceedings.mlr.press/',
    'icml.cc/', 'iclr.cc/', 'proceedings.iclr.cc/', 'openaccess.thecvf.com/', 'cvpr.thecvf.com/', 'iccv.thecvf.com/', 'ecva.net/', 'eccv.ecva.net/', 'eccv2024.ecva.net/',
    'aclanthology.org/', 'preview.aclanthology.org/', 'colmweb.org/', 'ieeexplore.ieee.org/', 'doi.org/', 'dl.acm.org/', 'link.springer.com/', 'nature.com/', 'science.org/',
    'jmlr.org/', 'ojs.aaai.org/', 'aaai.org/', 'ijcai.org/',
  ],
};
