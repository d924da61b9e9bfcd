"""The site stage: the bilingual static site built from datapackage/."""
