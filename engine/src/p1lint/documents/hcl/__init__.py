"""HCL native syntax (Terraform's `.tf` files): a lark grammar (`grammar/hcl.lark`) whose LALR
tables ship as JSON, read into Terraform's JSON configuration structure with the offsets of every
value. Nothing here is imported before a `.tf` file is read."""
