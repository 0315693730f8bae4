// SPDX-License-Identifier: BSD-2-Clause
/*
 * vtee status --json: vteed's report as one JSON object.
 *
 * The report is one fact per line: "KIND [NAME] KEY VALUE ... [FLAG ...]",
 * e.g. "ta <uuid> pid 12 flags 0x0 sessions 1 busy".  Each KIND becomes a
 * member; KINDs that describe one of many things (ta, context), or that
 * appear more than once, become arrays.  A line that is KIND and one value
 * ("registered_shm 3") becomes that value.  The rules are generic so a
 * fact vteed learns to report later shows up without a change here.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtee_cmd.h"

#define MAX_TOKENS 64

struct kind {
	const char *word;
	const char *name_key;	/* the member the NAME word goes to */
	bool array;
};

static const struct kind kinds[] = {
	{ "driver", "name", false },
	{ "ta", "uuid", true },
	{ "context", "device", true },
};

/* Keys whose value is a word, which may look like anything. */
static const char *const word_keys[] = { "version", "revision" };

struct line {
	char *tok[MAX_TOKENS];
	size_t n;
};

static const struct kind *kind_of(const char *word)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].word, word))
			return &kinds[i];
	return NULL;
}

static bool is_word_key(const char *key)
{
	for (size_t i = 0; i < sizeof(word_keys) / sizeof(word_keys[0]); i++)
		if (!strcmp(word_keys[i], key))
			return true;
	return false;
}

static void put_string(const char *s, FILE *out)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* An integer as JSON wants it (decimal, no leading zeros), or false. */
static bool put_number(const char *s, FILE *out)
{
	bool neg = *s == '-', hex = !strncmp(s, "0x", 2);
	const char *digits = s + (neg ? 1 : hex ? 2 : 0);
	unsigned long long v;
	char *end;

	if (!*digits || digits[strspn(digits, hex ? "0123456789abcdefABCDEF" :
						    "0123456789")])
		return false;
	errno = 0;
	v = strtoull(digits, &end, hex ? 16 : 10);
	if (errno || *end || (neg && v > (unsigned long long)INT64_MAX + 1))
		return false;
	if (neg && v)
		fprintf(out, "-%llu", v);
	else
		fprintf(out, "%llu", v);
	return true;
}

static void put_value(const char *key, const char *tok, FILE *out)
{
	if ((key && is_word_key(key)) || !put_number(tok, out))
		put_string(tok, out);
}

/* Does tok read as the value of key (rather than as a flag word)? */
static bool is_value(const char *key, const char *tok)
{
	return is_word_key(key) || (*tok >= '0' && *tok <= '9') ||
	       (*tok == '-' && tok[1] >= '0' && tok[1] <= '9') ||
	       *tok == '?';
}

static void put_key(const char *key, bool *first, FILE *out)
{
	if (!*first)
		fputc(',', out);
	*first = false;
	put_string(key, out);
	fputc(':', out);
}

/* The object of one line: NAME, KEY VALUE pairs, FLAGs as true. */
static void put_object(const struct line *l, const struct kind *k, FILE *out)
{
	bool first = true;
	size_t i = 1;

	fputc('{', out);
	if (k && k->name_key && l->n > 1) {
		put_key(k->name_key, &first, out);
		put_string(l->tok[i++], out);
	}
	while (i < l->n) {
		const char *key = l->tok[i++];

		put_key(key, &first, out);
		if (i < l->n && is_value(key, l->tok[i]))
			put_value(key, l->tok[i++], out);
		else
			fputs("true", out);
	}
	fputc('}', out);
}

static void put_line(const struct line *l, FILE *out)
{
	const struct kind *k = kind_of(l->tok[0]);

	if (l->n == 2 && !(k && k->name_key))
		put_value(NULL, l->tok[1], out);
	else
		put_object(l, k, out);
}

static size_t count_kind(const struct line *lines, size_t n, const char *w)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += !strcmp(lines[i].tok[0], w);
	return c;
}

/* The member for the KIND of lines[i], its first line. */
static void put_member(const struct line *lines, size_t n, size_t i,
		       bool *first, FILE *out)
{
	const char *w = lines[i].tok[0];
	const struct kind *k = kind_of(w);
	bool array = (k && k->array) || count_kind(lines, n, w) > 1;
	bool first_elem = true;

	put_key(w, first, out);
	if (!array) {
		put_line(&lines[i], out);
		return;
	}
	fputc('[', out);
	for (size_t j = i; j < n; j++) {
		if (strcmp(lines[j].tok[0], w))
			continue;
		if (!first_elem)
			fputc(',', out);
		first_elem = false;
		put_line(&lines[j], out);
	}
	fputc(']', out);
}

/* Splits text (modified in place) into lines of tokens, blank lines
 * dropped.  Returns the number of lines. */
static size_t split(char *text, struct line *lines)
{
	size_t n = 0;
	char *save_line, *line;

	for (line = strtok_r(text, "\n", &save_line); line;
	     line = strtok_r(NULL, "\n", &save_line)) {
		struct line *l = &lines[n];
		char *save_tok, *tok;

		l->n = 0;
		for (tok = strtok_r(line, " \t\r", &save_tok);
		     tok && l->n < MAX_TOKENS;
		     tok = strtok_r(NULL, " \t\r", &save_tok))
			l->tok[l->n++] = tok;
		n += l->n > 0;
	}
	return n;
}

static void put_report(const struct line *lines, size_t n, FILE *out)
{
	bool first = true;

	fputc('{', out);
	for (size_t i = 0; i < n; i++) {
		bool seen = false;

		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(lines[j].tok[0], lines[i].tok[0]);
		if (!seen)
			put_member(lines, n, i, &first, out);
	}
	/* "no TA loaded" is an empty list, not a missing one */
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (kinds[i].array && !count_kind(lines, n, kinds[i].word)) {
			put_key(kinds[i].word, &first, out);
			fputs("[]", out);
		}
	}
	fputs("}\n", out);
}

int vtee_status_json(const char *report, FILE *out)
{
	size_t nlines = 1;
	struct line *lines;
	char *text = strdup(report);

	for (const char *p = report; *p; p++)
		nlines += *p == '\n';
	lines = calloc(nlines, sizeof(*lines));
	if (!text || !lines) {
		free(text);
		free(lines);
		return -ENOMEM;
	}
	put_report(lines, split(text, lines), out);
	free(lines);
	free(text);
	return 0;
}
