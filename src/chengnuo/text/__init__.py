"""The text stage: original files in reports/ -> build/text/<source_id>.txt (UTF-8, LF).

`decode` detects encodings and splits lines; `stage` runs read -> work -> write and
gives later stages `source_lines`.
"""

from chengnuo.text.decode import DecodedText, decode_bytes, decode_file, split_lines

__all__ = ["DecodedText", "decode_bytes", "decode_file", "split_lines"]
