#!/usr/bin/env python3
"""Regenerates aitap's bundled price list from pydantic's genai-prices (MIT).

    python3 agent/prices/regenerate.py [genai-prices version]

Installs genai-prices from PyPI into a throw-away virtual environment, reads its price data and
writes, from the repository root:

  agent/prices/genai-prices.json (and agent/src/main/resources/io/aitap/agent/cost/genai-prices.LICENSE)
      the providers aitap recognises, in genai-prices' own data-file format (models, match rules,
      dated and time-of-day prices, tiers, cache read and write prices), trimmed to the fields and
      price keys aitap applies, with the source version, its release date and its licence; the build
      compiles it into the compact form the agent jar carries;
  agent/src/test/resources/io/aitap/agent/cost/genai-prices-cases.tsv
      what genai-prices itself computes for the calls in CASES below, for GenaiPricesAgreementTest;
  agent/src/test/resources/io/aitap/agent/cost/genai-prices-x-ai.json
      one provider in the untrimmed data-file format, as a user would pass it as aitap.pricing.file.

Only data is taken from genai-prices, never its code.
"""
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from datetime import date, datetime, time, timezone
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRICES = os.path.join(ROOT, "agent/prices")
RESOURCES = os.path.join(ROOT, "agent/src/main/resources/io/aitap/agent/cost")
TEST_RESOURCES = os.path.join(ROOT, "agent/src/test/resources/io/aitap/agent/cost")

# genai-prices providers serving the endpoints aitap recognises, and those they fall back to.
PROVIDERS = ["openai", "anthropic", "google", "aws", "azure", "deepseek", "mistral", "x-ai", "openrouter",
             "groq", "perplexity", "together", "fireworks", "cerebras", "cohere", "moonshotai"]
# Price keys aitap can apply from the usage a response reports; other keys (audio, image, video
# tokens, web searches) need counts aitap does not read.
PRICE_KEYS = ["input_mtok", "output_mtok", "cache_read_mtok", "cache_write_mtok", "cache_write_5m_mtok",
              "cache_write_1h_mtok", "output_reasoning_mtok", "requests_kcount"]

AT = "12:00:00"
# model as sent, endpoint host, input (cache included), cache read, cache write, of which 1 h,
# output (reasoning included), reasoning, UTC time of the call
CASES = [
    ("gpt-5.1", "api.openai.com", 12000, 8000, 0, 0, 900, 600, AT),
    ("gpt-5.1-2025-11-13", "api.openai.com", 5000, 0, 0, 0, 2000, 1500, AT),
    ("gpt-5-pro", "api.openai.com", 3000, 0, 0, 0, 4000, 3000, AT),
    ("gpt-5-mini-2025-08-07", "api.openai.com", 20000, 10000, 0, 0, 1500, 1000, AT),
    ("gpt-4.1", "api.openai.com", 9000, 4000, 0, 0, 500, 0, AT),
    ("gpt-4o-mini-2024-07-18", "api.openai.com", 1500, 0, 0, 0, 300, 0, AT),
    ("o3", "api.openai.com", 8000, 2000, 0, 0, 3000, 2500, AT),
    ("o4-mini-2025-04-16", "api.openai.com", 4000, 1024, 0, 0, 2500, 2000, AT),
    ("text-embedding-3-small", "api.openai.com", 800, 0, 0, 0, 0, 0, AT),
    ("gpt-4o", "contoso.openai.azure.com", 6000, 2048, 0, 0, 700, 0, AT),
    ("claude-sonnet-4-5-20250929", "api.anthropic.com", 30000, 20000, 5000, 0, 1200, 0, AT),
    ("claude-sonnet-4-5-20250929", "api.anthropic.com", 250000, 100000, 20000, 20000, 3000, 0, AT),
    ("claude-sonnet-4-6", "api.anthropic.com", 40000, 10000, 8000, 8000, 2000, 0, AT),
    ("claude-opus-4-6", "api.anthropic.com", 15000, 0, 10000, 4000, 900, 0, AT),
    ("claude-opus-4-5-20251101", "api.anthropic.com", 12000, 6000, 3000, 0, 800, 0, AT),
    ("claude-haiku-4-5-20251001", "api.anthropic.com", 9000, 4000, 2000, 1000, 500, 0, AT),
    ("claude-3-5-haiku-20241022", "api.anthropic.com", 3000, 0, 0, 0, 400, 0, AT),
    ("claude-sonnet-4-5@20250929", "us-east5-aiplatform.googleapis.com", 20000, 10000, 4000, 0, 900, 0, AT),
    ("gemini-2.5-pro", "generativelanguage.googleapis.com", 50000, 20000, 0, 0, 4000, 3000, AT),
    ("gemini-2.5-pro", "generativelanguage.googleapis.com", 300000, 100000, 0, 0, 6000, 4000, AT),
    ("gemini-2.5-flash", "generativelanguage.googleapis.com", 20000, 10000, 0, 0, 2500, 2000, AT),
    ("gemini-2.5-flash-lite", "generativelanguage.googleapis.com", 8000, 0, 0, 0, 600, 0, AT),
    ("gemini-3-pro-preview", "generativelanguage.googleapis.com", 30000, 5000, 0, 0, 5000, 4000, AT),
    ("gemini-3-pro-preview", "generativelanguage.googleapis.com", 240000, 40000, 0, 0, 5000, 4000, AT),
    ("gemini-2.5-flash", "us-central1-aiplatform.googleapis.com", 10000, 0, 0, 0, 1000, 500, AT),
    ("deepseek-chat", "api.deepseek.com", 10000, 6000, 0, 0, 800, 0, AT),
    ("deepseek-reasoner", "api.deepseek.com", 12000, 2000, 0, 0, 3000, 2200, AT),
    ("deepseek-chat", "api.deepseek.com", 10000, 6000, 0, 0, 800, 0, "18:00:00"),
    ("mistral-large-latest", "api.mistral.ai", 7000, 0, 0, 0, 900, 0, AT),
    ("mistral-medium-2508", "api.mistral.ai", 9000, 3000, 0, 0, 700, 0, AT),
    ("mistral-small-2506", "api.mistral.ai", 5000, 0, 0, 0, 500, 0, AT),
    ("codestral-latest", "api.mistral.ai", 4000, 0, 0, 0, 1200, 0, AT),
    ("grok-4-0709", "api.x.ai", 9000, 3000, 0, 0, 2600, 1800, AT),
    ("grok-4-1-fast-reasoning", "api.x.ai", 30000, 20000, 0, 0, 1500, 1200, AT),
    ("grok-3-mini", "api.x.ai", 5000, 1000, 0, 0, 900, 700, AT),
    ("grok-3", "api.x.ai", 6000, 0, 0, 0, 800, 0, AT),
    ("openai/gpt-4o", "openrouter.ai", 5000, 1000, 0, 0, 600, 0, AT),
    ("anthropic/claude-sonnet-4.5", "openrouter.ai", 12000, 4000, 2000, 0, 900, 0, AT),
    ("google/gemini-2.5-flash", "openrouter.ai", 10000, 0, 0, 0, 1000, 600, AT),
    ("deepseek/deepseek-chat-v3.1", "openrouter.ai", 8000, 0, 0, 0, 700, 0, AT),
    ("x-ai/grok-4-fast", "openrouter.ai", 6000, 0, 0, 0, 1500, 1000, AT),
    ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock-runtime.us-east-1.amazonaws.com", 20000, 8000, 4000, 1000, 1000, 0, AT),
    ("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock-runtime.us-east-1.amazonaws.com", 20000, 8000, 4000, 1000, 1000, 0, AT),
    ("eu.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock-runtime.eu-west-1.amazonaws.com", 9000, 3000, 1000, 0, 500, 0, AT),
    ("apac.anthropic.claude-sonnet-4-20250514-v1:0", "bedrock-runtime.ap-northeast-1.amazonaws.com", 9000, 0, 0, 0, 700, 0, AT),
    ("anthropic.claude-3-haiku-20240307-v1:0", "bedrock-runtime.us-east-1.amazonaws.com", 4000, 0, 0, 0, 300, 0, AT),
    ("amazon.nova-pro-v1:0", "bedrock-runtime.us-east-1.amazonaws.com", 6000, 2000, 0, 0, 500, 0, AT),
    ("us.amazon.nova-lite-v1:0", "bedrock-runtime.us-east-1.amazonaws.com", 6000, 0, 0, 0, 500, 0, AT),
    ("us.meta.llama3-3-70b-instruct-v1:0", "bedrock-runtime.us-east-1.amazonaws.com", 3000, 0, 0, 0, 400, 0, AT),
]


def main():
    if "--inside" in sys.argv:
        export(sys.argv[sys.argv.index("--inside") + 1])
        return
    requested = sys.argv[1] if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="aitap-prices-") as work:
        venv = os.path.join(work, "venv")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        python = os.path.join(venv, "bin", "python")
        spec = "genai-prices" + ("==" + requested if requested else "")
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", spec], check=True)
        subprocess.run([python, os.path.abspath(__file__), "--inside", release_date_of(python)], check=True)


def release_date_of(python):
    """The day PyPI published the installed release: the age of the data, whatever day we regenerate."""
    version = subprocess.run([python, "-c", "import genai_prices; print(genai_prices.__version__)"],
                             check=True, capture_output=True, text=True).stdout.strip()
    with urllib.request.urlopen("https://pypi.org/pypi/genai-prices/json", timeout=30) as answer:
        uploads = json.load(answer)["releases"][version]
    return min(upload["upload_time_iso_8601"][:10] for upload in uploads)


def export(released):
    import genai_prices
    from genai_prices import Usage, calc_price
    from genai_prices.data import providers

    by_id = {provider.id: provider for provider in providers}
    bundled = {
        "source": "genai-prices",
        "version": genai_prices.__version__,
        "released": released,
        "url": "https://github.com/pydantic/genai-prices",
        "license": "MIT (genai-prices.LICENSE); the data is pydantic's genai-prices, trimmed",
        "providers": [raw_provider(by_id[pid], trimmed=True) for pid in PROVIDERS],
    }
    write(os.path.join(PRICES, "genai-prices.json"), json.dumps(bundled, separators=(",", ":")) + "\n")
    write(os.path.join(RESOURCES, "genai-prices.LICENSE"), licence_text())
    write(os.path.join(TEST_RESOURCES, "genai-prices-x-ai.json"),
          json.dumps([raw_provider(by_id["x-ai"], trimmed=False)], indent=1) + "\n")

    day = date.fromisoformat(released)
    rows = ["# what genai-prices " + genai_prices.__version__ + " computes for these calls (USD); regenerated by "
            "agent/prices/regenerate.py\n# model\thost\tinput\tcache_read\tcache_write\tcache_write_1h\toutput"
            "\treasoning\tat\tusd\tgenai_prices_model"]
    for model, host, inp, read, write_all, write_1h, out, reasoning, at in CASES:
        usage = Usage(input_tokens=inp, cache_read_tokens=read, cache_write_tokens=write_all,
                      cache_write_1h_tokens=write_1h, output_tokens=out, output_reasoning_tokens=reasoning)
        when = datetime.combine(day, time.fromisoformat(at), tzinfo=timezone.utc)
        result = calc_price(usage, model, provider_api_url="https://" + host, genai_request_timestamp=when)
        rows.append("\t".join(str(v) for v in (model, host, inp, read, write_all, write_1h, out, reasoning,
                                               when.isoformat().replace("+00:00", "Z"), result.total_price,
                                               owner(providers, result.model) + "/" + result.model.id)))
    write(os.path.join(TEST_RESOURCES, "genai-prices-cases.tsv"), "\n".join(rows) + "\n")
    print(f"genai-prices {genai_prices.__version__} (released {released}): "
          f"{sum(len(by_id[p].models) for p in PROVIDERS)} models of {len(PROVIDERS)} providers, {len(CASES)} cases")


def licence_text():
    from importlib.metadata import distribution
    files = distribution("genai-prices").files
    licence = next(f for f in files if f.name == "LICENSE")
    return licence.read_text(encoding="utf-8")


def owner(providers, model):
    """The provider whose list holds the model: Azure's calls are priced from OpenAI's list."""
    return next(provider.id for provider in providers if any(m is model for m in provider.models))


def raw_provider(provider, trimmed):
    raw = {"id": provider.id, "api_pattern": provider.api_pattern}
    if provider.model_match is not None:
        raw["model_match"] = clause(provider.model_match)
    if provider.fallback_model_providers:
        raw["fallback_model_providers"] = [p for p in provider.fallback_model_providers if not trimmed or p in PROVIDERS]
    if not trimmed:
        raw["name"] = provider.name
        if provider.provider_match is not None:
            raw["provider_match"] = clause(provider.provider_match)
    raw["models"] = [raw_model(model, trimmed) for model in provider.models]
    return raw


def raw_model(model, trimmed):
    raw = {"id": model.id, "match": clause(model.match)}
    if not trimmed and model.name:
        raw["name"] = model.name
    if isinstance(model.prices, list):
        raw["prices"] = [conditional(c, trimmed) for c in model.prices]
    else:
        raw["prices"] = prices(model.prices, trimmed)
    return raw


def conditional(price, trimmed):
    raw = {"prices": prices(price.prices, trimmed)}
    constraint = price.constraint
    if constraint is not None and hasattr(constraint, "start_date"):
        raw["constraint"] = {"type": "start_date", "start_date": constraint.start_date.isoformat()}
    elif constraint is not None:
        raw["constraint"] = {"type": "time_of_date", "start_time": utc_time(constraint.start_time),
                             "end_time": utc_time(constraint.end_time)}
    return raw


def utc_time(value):
    if value.tzinfo is not None:
        value = datetime.combine(date(2000, 1, 1), value).astimezone(timezone.utc).time()
    return value.strftime("%H:%M:%S") + "Z"


def prices(model_price, trimmed):
    raw = {}
    for key, value in model_price.__dict__.items():
        if value is None or key.startswith("_") or (trimmed and key not in PRICE_KEYS):
            continue
        raw[key] = number(value) if isinstance(value, Decimal) else {
            "base": number(value.base), "tiers": [{"start": t.start, "price": number(t.price)} for t in value.tiers]}
    return raw


def number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def clause(logic):
    for field, key in (("starts_with", "starts_with"), ("ends_with", "ends_with"), ("contains", "contains"),
                       ("regex", "regex"), ("equals", "equals")):
        if hasattr(logic, field):
            return {key: getattr(logic, field)}
    if hasattr(logic, "or_"):
        return {"or": [clause(c) for c in logic.or_]}
    return {"and": [clause(c) for c in logic.and_]}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()
