/*
 * A resumable DEFLATE decoder on libdeflate's decode tables and decode loop, for tar-push's
 * diff_id check: a layer arrives in chunks, and neither the whole input nor the whole output
 * may be held. libdeflate decodes whole buffers only; this file decodes as far as the input
 * and the output space allow, saves where it stopped (between two symbols, or inside a stored
 * block), and goes on from there at the next call.
 *
 * Built into libdeflate.wasm by script/build-deflate-wasm from the pinned libdeflate source
 * (it includes lib/deflate_decompress.c for its tables and macros). The decode loop is
 * libdeflate 1.14's decompress_template.h (MIT license, see libdeflate.LICENSE) with these
 * changes:
 *  - the position is kept in a struct inflate_stream between calls;
 *  - unless the input is marked final, a block header is started only with HEADER_MARGIN
 *    bytes of input at hand (a header takes at most 566 bytes), and a symbol only with 48
 *    bits (the longest: litlen 15 + 5 extra bits, offset 15 + 13 extra bits): else it
 *    returns INFLATE_NEED_INPUT, and the caller gives the unread bytes again, with more;
 *  - a symbol is decoded only with 258 bytes of output space (the longest match): else it
 *    returns INFLATE_OUTPUT_FULL;
 *  - matches may reach back into `history` bytes kept before the output (the window).
 */
#include "lib/deflate_decompress.c"

/* As decompress_template.h defines them (it undefines them at its end). */
#define EXTRACT_VARBITS(word, count)	((word) & BITMASK(count))
#define EXTRACT_VARBITS8(word, count)	((word) & BITMASK((u8)(count)))

#define HEADER_MARGIN 1024
#define SYMBOL_MAX_BITS 48

enum inflate_status {
	INFLATE_DONE = 0,	/* the final block ended */
	INFLATE_NEED_INPUT = 1,
	INFLATE_OUTPUT_FULL = 2,
	INFLATE_BAD_DATA = 3,
	INFLATE_TRUNCATED = 4,	/* the final input ended inside the stream */
};

enum inflate_phase { PHASE_HEADER, PHASE_HUFFMAN, PHASE_STORED, PHASE_DONE };

struct inflate_stream {
	struct libdeflate_decompressor d;
	unsigned phase;
	bool is_final_block;
	/* Bits of the first unread byte already consumed (0-7). */
	unsigned bit_offset;
	unsigned stored_left;
	/* Set by each call: bytes of input fully consumed, bytes of output written. */
	unsigned in_used;
	unsigned out_written;
};

LIBDEFLATEEXPORT struct inflate_stream * LIBDEFLATEAPI
inflate_stream_alloc(void)
{
	struct inflate_stream *s = libdeflate_malloc(sizeof(*s));

	if (s == NULL)
		return NULL;
	memset(s, 0, sizeof(*s));
	return s;
}

/* Ready for a new DEFLATE stream (the next gzip member). */
LIBDEFLATEEXPORT void LIBDEFLATEAPI
inflate_stream_reset(struct inflate_stream *s)
{
	s->phase = PHASE_HEADER;
	s->is_final_block = false;
	s->bit_offset = 0;
	s->stored_left = 0;
	s->d.static_codes_loaded = false;
}

/*
 * Decodes from in[0, in_nbytes), whose first byte is the first not fully consumed (its first
 * bit_offset bits are), into out[0, out_nbytes_avail); out[-history, 0) holds the bytes
 * decoded just before (at most 32768 are needed). Sets s->in_used and s->out_written.
 */
LIBDEFLATEEXPORT int LIBDEFLATEAPI
inflate_stream_run(struct inflate_stream * restrict s,
		   const u8 * restrict in, size_t in_nbytes, int in_final,
		   u8 * restrict out, size_t history, size_t out_nbytes_avail)
{
	struct libdeflate_decompressor * restrict d = &s->d;
	u8 * const window = out - history;
	u8 *out_next = out;
	u8 * const out_end = out_next + out_nbytes_avail;
	u8 * const out_fastloop_end =
		out_end - MIN(out_nbytes_avail, FASTLOOP_MAX_BYTES_WRITTEN);

	const u8 *in_next = in;
	const u8 * const in_end = in_next + in_nbytes;
	const u8 * const in_fastloop_end =
		in_end - MIN(in_nbytes, FASTLOOP_MAX_BYTES_READ);
	bitbuf_t bitbuf = 0;
	bitbuf_t saved_bitbuf;
	u32 bitsleft = 0;
	size_t overread_count = 0;

	bool is_final_block = s->is_final_block;
	unsigned block_type;
	unsigned num_litlen_syms;
	unsigned num_offset_syms;
	bitbuf_t litlen_tablemask;
	u32 entry;
	unsigned phase = s->phase;

/* Real (not overread) bits not consumed yet. */
#define BITS_AT_HAND() \
	(8 * (ptrdiff_t)(in_end - in_next) + (u8)bitsleft - \
	 8 * (ptrdiff_t)overread_count)

/* Saves the position, between symbols or blocks, and returns `status`. */
#define STOP(next_phase, status)					\
do {									\
	size_t consumed_bits = 8 * (size_t)(in_next - in + overread_count) - \
			       (u8)bitsleft;				\
	if (consumed_bits > 8 * in_nbytes)				\
		return INFLATE_TRUNCATED;				\
	s->phase = (next_phase);					\
	s->is_final_block = is_final_block;				\
	s->in_used = consumed_bits >> 3;				\
	s->bit_offset = consumed_bits & 7;				\
	s->out_written = out_next - out;				\
	return (status);						\
} while (0)

#undef SAFETY_CHECK
#define SAFETY_CHECK(expr) if (unlikely(!(expr))) return INFLATE_BAD_DATA
#define TRUNCATION_CHECK(expr) if (unlikely(!(expr))) return INFLATE_TRUNCATED

/* libdeflate's, but reading past the end of the input is told apart from bad data. */
#undef REFILL_BITS
#define REFILL_BITS()							\
do {									\
	if (likely(in_end - in_next >= sizeof(bitbuf_t))) {		\
		REFILL_BITS_BRANCHLESS();				\
	} else {							\
		while ((u8)bitsleft < CONSUMABLE_NBITS) {		\
			if (likely(in_next != in_end)) {		\
				bitbuf |= (bitbuf_t)*in_next++ <<	\
					  (u8)bitsleft;			\
			} else {					\
				overread_count++;			\
				TRUNCATION_CHECK(overread_count <=	\
						 sizeof(bitbuf_t));	\
			}						\
			bitsleft += 8;					\
		}							\
	}								\
} while (0)

	s->in_used = 0;
	s->out_written = 0;
	if (phase == PHASE_DONE)
		return INFLATE_DONE;
	if (phase == PHASE_STORED)
		goto stored_copy;

	/* Back to the saved bit position. */
	if (s->bit_offset) {
		if (in_nbytes == 0)
			return in_final ? INFLATE_TRUNCATED : INFLATE_NEED_INPUT;
		REFILL_BITS();
		bitbuf >>= s->bit_offset;
		bitsleft -= s->bit_offset;
	}
	if (phase == PHASE_HUFFMAN)
		goto have_decode_tables;

next_block:
	if (!in_final && BITS_AT_HAND() < 8 * HEADER_MARGIN)
		STOP(PHASE_HEADER, INFLATE_NEED_INPUT);

	STATIC_ASSERT(CAN_CONSUME(1 + 2 + 5 + 5 + 4 + 3));
	REFILL_BITS();

	/* BFINAL: 1 bit */
	is_final_block = bitbuf & BITMASK(1);

	/* BTYPE: 2 bits */
	block_type = (bitbuf >> 1) & BITMASK(2);

	if (block_type == DEFLATE_BLOCKTYPE_DYNAMIC_HUFFMAN) {
		static const u8 deflate_precode_lens_permutation[DEFLATE_NUM_PRECODE_SYMS] = {
			16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
		};

		unsigned num_explicit_precode_lens;
		unsigned i;

		num_litlen_syms = 257 + ((bitbuf >> 3) & BITMASK(5));
		num_offset_syms = 1 + ((bitbuf >> 8) & BITMASK(5));
		num_explicit_precode_lens = 4 + ((bitbuf >> 13) & BITMASK(4));

		d->static_codes_loaded = false;

		if (CAN_CONSUME(3 * (DEFLATE_NUM_PRECODE_SYMS - 1))) {
			d->u.precode_lens[deflate_precode_lens_permutation[0]] =
				(bitbuf >> 17) & BITMASK(3);
			bitbuf >>= 20;
			bitsleft -= 20;
			REFILL_BITS();
			i = 1;
			do {
				d->u.precode_lens[deflate_precode_lens_permutation[i]] =
					bitbuf & BITMASK(3);
				bitbuf >>= 3;
				bitsleft -= 3;
			} while (++i < num_explicit_precode_lens);
		} else {
			bitbuf >>= 17;
			bitsleft -= 17;
			i = 0;
			do {
				if ((u8)bitsleft < 3)
					REFILL_BITS();
				d->u.precode_lens[deflate_precode_lens_permutation[i]] =
					bitbuf & BITMASK(3);
				bitbuf >>= 3;
				bitsleft -= 3;
			} while (++i < num_explicit_precode_lens);
		}
		for (; i < DEFLATE_NUM_PRECODE_SYMS; i++)
			d->u.precode_lens[deflate_precode_lens_permutation[i]] = 0;

		SAFETY_CHECK(build_precode_decode_table(d));

		i = 0;
		do {
			unsigned presym;
			u8 rep_val;
			unsigned rep_count;

			if ((u8)bitsleft < DEFLATE_MAX_PRE_CODEWORD_LEN + 7)
				REFILL_BITS();

			entry = d->u.l.precode_decode_table[
				bitbuf & BITMASK(DEFLATE_MAX_PRE_CODEWORD_LEN)];
			bitbuf >>= (u8)entry;
			bitsleft -= entry;
			presym = entry >> 16;

			if (presym < 16) {
				d->u.l.lens[i++] = presym;
				continue;
			}

			if (presym == 16) {
				SAFETY_CHECK(i != 0);
				rep_val = d->u.l.lens[i - 1];
				rep_count = 3 + (bitbuf & BITMASK(2));
				bitbuf >>= 2;
				bitsleft -= 2;
				d->u.l.lens[i + 0] = rep_val;
				d->u.l.lens[i + 1] = rep_val;
				d->u.l.lens[i + 2] = rep_val;
				d->u.l.lens[i + 3] = rep_val;
				d->u.l.lens[i + 4] = rep_val;
				d->u.l.lens[i + 5] = rep_val;
				i += rep_count;
			} else if (presym == 17) {
				rep_count = 3 + (bitbuf & BITMASK(3));
				bitbuf >>= 3;
				bitsleft -= 3;
				memset(&d->u.l.lens[i], 0, 10 * sizeof(d->u.l.lens[i]));
				i += rep_count;
			} else {
				rep_count = 11 + (bitbuf & BITMASK(7));
				bitbuf >>= 7;
				bitsleft -= 7;
				memset(&d->u.l.lens[i], 0,
				       rep_count * sizeof(d->u.l.lens[i]));
				i += rep_count;
			}
		} while (i < num_litlen_syms + num_offset_syms);

	} else if (block_type == DEFLATE_BLOCKTYPE_UNCOMPRESSED) {
		u16 len, nlen;

		bitsleft -= 3; /* for BTYPE and BFINAL */

		bitsleft = (u8)bitsleft;
		TRUNCATION_CHECK(overread_count <= (bitsleft >> 3));
		in_next -= (bitsleft >> 3) - overread_count;
		overread_count = 0;
		bitbuf = 0;
		bitsleft = 0;

		TRUNCATION_CHECK(in_end - in_next >= 4);
		len = get_unaligned_le16(in_next);
		nlen = get_unaligned_le16(in_next + 2);
		in_next += 4;

		SAFETY_CHECK(len == (u16)~nlen);
		s->stored_left = len;
	stored_copy:
		{
			size_t n = MIN(MIN((size_t)s->stored_left,
					   (size_t)(in_end - in_next)),
				       (size_t)(out_end - out_next));

			memcpy(out_next, in_next, n);
			in_next += n;
			out_next += n;
			s->stored_left -= n;
		}
		if (s->stored_left != 0) {
			if (out_next == out_end)
				STOP(PHASE_STORED, INFLATE_OUTPUT_FULL);
			TRUNCATION_CHECK(!in_final);
			STOP(PHASE_STORED, INFLATE_NEED_INPUT);
		}
		goto block_done;

	} else {
		unsigned i;

		SAFETY_CHECK(block_type == DEFLATE_BLOCKTYPE_STATIC_HUFFMAN);

		bitbuf >>= 3; /* for BTYPE and BFINAL */
		bitsleft -= 3;

		if (d->static_codes_loaded)
			goto have_decode_tables;

		d->static_codes_loaded = true;

		for (i = 0; i < 144; i++)
			d->u.l.lens[i] = 8;
		for (; i < 256; i++)
			d->u.l.lens[i] = 9;
		for (; i < 280; i++)
			d->u.l.lens[i] = 7;
		for (; i < 288; i++)
			d->u.l.lens[i] = 8;

		for (; i < 288 + 32; i++)
			d->u.l.lens[i] = 5;

		num_litlen_syms = 288;
		num_offset_syms = 32;
	}

	SAFETY_CHECK(build_offset_decode_table(d, num_litlen_syms, num_offset_syms));
	SAFETY_CHECK(build_litlen_decode_table(d, num_litlen_syms, num_offset_syms));
have_decode_tables:
	litlen_tablemask = BITMASK(d->litlen_tablebits);

	if (in_next >= in_fastloop_end || out_next >= out_fastloop_end)
		goto generic_loop;
	REFILL_BITS_IN_FASTLOOP();
	entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
	do {
		u32 length, offset, lit;
		const u8 *src;
		u8 *dst;

		saved_bitbuf = bitbuf;
		bitbuf >>= (u8)entry;
		bitsleft -= entry;

		if (entry & HUFFDEC_LITERAL) {
			if (CAN_CONSUME_AND_THEN_PRELOAD(2 * LITLEN_TABLEBITS +
							 LENGTH_MAXBITS,
							 OFFSET_TABLEBITS) &&
			    CAN_CONSUME_AND_THEN_PRELOAD(2 * LITLEN_TABLEBITS +
							 DEFLATE_MAX_LITLEN_CODEWORD_LEN,
							 LITLEN_TABLEBITS)) {
				lit = entry >> 16;
				entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
				saved_bitbuf = bitbuf;
				bitbuf >>= (u8)entry;
				bitsleft -= entry;
				*out_next++ = lit;
				if (entry & HUFFDEC_LITERAL) {
					lit = entry >> 16;
					entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
					saved_bitbuf = bitbuf;
					bitbuf >>= (u8)entry;
					bitsleft -= entry;
					*out_next++ = lit;
					if (entry & HUFFDEC_LITERAL) {
						lit = entry >> 16;
						entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
						REFILL_BITS_IN_FASTLOOP();
						*out_next++ = lit;
						continue;
					}
				}
			} else {
				lit = entry >> 16;
				entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
				REFILL_BITS_IN_FASTLOOP();
				*out_next++ = lit;
				continue;
			}
		}

		if (unlikely(entry & HUFFDEC_EXCEPTIONAL)) {
			if (unlikely(entry & HUFFDEC_END_OF_BLOCK))
				goto block_done;

			entry = d->u.litlen_decode_table[(entry >> 16) +
				EXTRACT_VARBITS(bitbuf, (entry >> 8) & 0x3F)];
			saved_bitbuf = bitbuf;
			bitbuf >>= (u8)entry;
			bitsleft -= entry;

			if (!CAN_CONSUME_AND_THEN_PRELOAD(DEFLATE_MAX_LITLEN_CODEWORD_LEN,
							  LITLEN_TABLEBITS) ||
			    !CAN_CONSUME_AND_THEN_PRELOAD(LENGTH_MAXBITS,
							  OFFSET_TABLEBITS))
				REFILL_BITS_IN_FASTLOOP();
			if (entry & HUFFDEC_LITERAL) {
				lit = entry >> 16;
				entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
				REFILL_BITS_IN_FASTLOOP();
				*out_next++ = lit;
				continue;
			}
			if (unlikely(entry & HUFFDEC_END_OF_BLOCK))
				goto block_done;
		}

		length = entry >> 16;
		length += EXTRACT_VARBITS8(saved_bitbuf, entry) >> (u8)(entry >> 8);

		entry = d->offset_decode_table[bitbuf & BITMASK(OFFSET_TABLEBITS)];
		if (CAN_CONSUME_AND_THEN_PRELOAD(OFFSET_MAXBITS,
						 LITLEN_TABLEBITS)) {
			if (unlikely(entry & HUFFDEC_EXCEPTIONAL)) {
				if (unlikely((u8)bitsleft < OFFSET_MAXBITS +
					     LITLEN_TABLEBITS - PRELOAD_SLACK))
					REFILL_BITS_IN_FASTLOOP();
				bitbuf >>= OFFSET_TABLEBITS;
				bitsleft -= OFFSET_TABLEBITS;
				entry = d->offset_decode_table[(entry >> 16) +
					EXTRACT_VARBITS(bitbuf, (entry >> 8) & 0x3F)];
			} else if (unlikely((u8)bitsleft < OFFSET_MAXFASTBITS +
					    LITLEN_TABLEBITS - PRELOAD_SLACK))
				REFILL_BITS_IN_FASTLOOP();
		} else {
			REFILL_BITS_IN_FASTLOOP();
			if (unlikely(entry & HUFFDEC_EXCEPTIONAL)) {
				bitbuf >>= OFFSET_TABLEBITS;
				bitsleft -= OFFSET_TABLEBITS;
				entry = d->offset_decode_table[(entry >> 16) +
					EXTRACT_VARBITS(bitbuf, (entry >> 8) & 0x3F)];
				REFILL_BITS_IN_FASTLOOP();
			}
		}
		saved_bitbuf = bitbuf;
		bitbuf >>= (u8)entry;
		bitsleft -= entry;
		offset = entry >> 16;
		offset += EXTRACT_VARBITS8(saved_bitbuf, entry) >> (u8)(entry >> 8);

		SAFETY_CHECK(offset <= out_next - (const u8 *)window);
		src = out_next - offset;
		dst = out_next;
		out_next += length;

		if (!CAN_CONSUME_AND_THEN_PRELOAD(
			MAX(OFFSET_MAXBITS - OFFSET_TABLEBITS,
			    OFFSET_MAXFASTBITS),
			LITLEN_TABLEBITS) &&
		    unlikely((u8)bitsleft < LITLEN_TABLEBITS - PRELOAD_SLACK))
			REFILL_BITS_IN_FASTLOOP();
		entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
		REFILL_BITS_IN_FASTLOOP();

		if (UNALIGNED_ACCESS_IS_FAST && offset >= WORDBYTES) {
			store_word_unaligned(load_word_unaligned(src), dst);
			src += WORDBYTES;
			dst += WORDBYTES;
			store_word_unaligned(load_word_unaligned(src), dst);
			src += WORDBYTES;
			dst += WORDBYTES;
			store_word_unaligned(load_word_unaligned(src), dst);
			src += WORDBYTES;
			dst += WORDBYTES;
			store_word_unaligned(load_word_unaligned(src), dst);
			src += WORDBYTES;
			dst += WORDBYTES;
			store_word_unaligned(load_word_unaligned(src), dst);
			src += WORDBYTES;
			dst += WORDBYTES;
			while (dst < out_next) {
				store_word_unaligned(load_word_unaligned(src), dst);
				src += WORDBYTES;
				dst += WORDBYTES;
				store_word_unaligned(load_word_unaligned(src), dst);
				src += WORDBYTES;
				dst += WORDBYTES;
				store_word_unaligned(load_word_unaligned(src), dst);
				src += WORDBYTES;
				dst += WORDBYTES;
				store_word_unaligned(load_word_unaligned(src), dst);
				src += WORDBYTES;
				dst += WORDBYTES;
				store_word_unaligned(load_word_unaligned(src), dst);
				src += WORDBYTES;
				dst += WORDBYTES;
			}
		} else if (UNALIGNED_ACCESS_IS_FAST && offset == 1) {
			machine_word_t v;

			v = (machine_word_t)0x0101010101010101 * src[0];
			store_word_unaligned(v, dst);
			dst += WORDBYTES;
			store_word_unaligned(v, dst);
			dst += WORDBYTES;
			store_word_unaligned(v, dst);
			dst += WORDBYTES;
			store_word_unaligned(v, dst);
			dst += WORDBYTES;
			while (dst < out_next) {
				store_word_unaligned(v, dst);
				dst += WORDBYTES;
				store_word_unaligned(v, dst);
				dst += WORDBYTES;
				store_word_unaligned(v, dst);
				dst += WORDBYTES;
				store_word_unaligned(v, dst);
				dst += WORDBYTES;
			}
		} else if (UNALIGNED_ACCESS_IS_FAST) {
			store_word_unaligned(load_word_unaligned(src), dst);
			src += offset;
			dst += offset;
			store_word_unaligned(load_word_unaligned(src), dst);
			src += offset;
			dst += offset;
			do {
				store_word_unaligned(load_word_unaligned(src), dst);
				src += offset;
				dst += offset;
				store_word_unaligned(load_word_unaligned(src), dst);
				src += offset;
				dst += offset;
			} while (dst < out_next);
		} else {
			*dst++ = *src++;
			*dst++ = *src++;
			do {
				*dst++ = *src++;
			} while (dst < out_next);
		}
	} while (in_next < in_fastloop_end && out_next < out_fastloop_end);

generic_loop:
	for (;;) {
		u32 length, offset;
		const u8 *src;
		u8 *dst;

		/* Stop between symbols when one might not fit. */
		if (!in_final && BITS_AT_HAND() < SYMBOL_MAX_BITS)
			STOP(PHASE_HUFFMAN, INFLATE_NEED_INPUT);
		if (out_end - out_next < DEFLATE_MAX_MATCH_LEN)
			STOP(PHASE_HUFFMAN, INFLATE_OUTPUT_FULL);

		REFILL_BITS();
		entry = d->u.litlen_decode_table[bitbuf & litlen_tablemask];
		saved_bitbuf = bitbuf;
		bitbuf >>= (u8)entry;
		bitsleft -= entry;
		if (unlikely(entry & HUFFDEC_SUBTABLE_POINTER)) {
			entry = d->u.litlen_decode_table[(entry >> 16) +
					EXTRACT_VARBITS(bitbuf, (entry >> 8) & 0x3F)];
			saved_bitbuf = bitbuf;
			bitbuf >>= (u8)entry;
			bitsleft -= entry;
		}
		length = entry >> 16;
		if (entry & HUFFDEC_LITERAL) {
			*out_next++ = length;
			continue;
		}
		if (unlikely(entry & HUFFDEC_END_OF_BLOCK))
			goto block_done;
		length += EXTRACT_VARBITS8(saved_bitbuf, entry) >> (u8)(entry >> 8);

		if (!CAN_CONSUME(LENGTH_MAXBITS + OFFSET_MAXBITS))
			REFILL_BITS();
		entry = d->offset_decode_table[bitbuf & BITMASK(OFFSET_TABLEBITS)];
		if (unlikely(entry & HUFFDEC_EXCEPTIONAL)) {
			bitbuf >>= OFFSET_TABLEBITS;
			bitsleft -= OFFSET_TABLEBITS;
			entry = d->offset_decode_table[(entry >> 16) +
					EXTRACT_VARBITS(bitbuf, (entry >> 8) & 0x3F)];
			if (!CAN_CONSUME(OFFSET_MAXBITS))
				REFILL_BITS();
		}
		offset = entry >> 16;
		offset += EXTRACT_VARBITS8(bitbuf, entry) >> (u8)(entry >> 8);
		bitbuf >>= (u8)entry;
		bitsleft -= entry;

		SAFETY_CHECK(offset <= out_next - (const u8 *)window);
		src = out_next - offset;
		dst = out_next;
		out_next += length;

		*dst++ = *src++;
		*dst++ = *src++;
		do {
			*dst++ = *src++;
		} while (dst < out_next);
	}

block_done:
	if (!is_final_block)
		goto next_block;

	/* The last block: the stream ends at the next byte boundary. */
	bitsleft = (u8)bitsleft;
	TRUNCATION_CHECK(overread_count <= (bitsleft >> 3));
	in_next -= (bitsleft >> 3) - overread_count;
	s->phase = PHASE_DONE;
	s->is_final_block = true;
	s->in_used = in_next - in;
	s->bit_offset = 0;
	s->out_written = out_next - out;
	return INFLATE_DONE;
}

/* What the last call of inflate_stream_run() consumed and wrote. */
LIBDEFLATEEXPORT unsigned LIBDEFLATEAPI
inflate_stream_in_used(const struct inflate_stream *s)
{
	return s->in_used;
}

LIBDEFLATEEXPORT unsigned LIBDEFLATEAPI
inflate_stream_out_written(const struct inflate_stream *s)
{
	return s->out_written;
}
