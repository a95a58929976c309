// SPDX-License-Identifier: BSD-3-Clause
#include "v2_fixture.h"

#include <string.h>

static struct abi_bits bits(const char *bitfield, const char *field)
{
	return abi_bits(fix_v2_abi(), bitfield, field);
}

uint64_t v2_mem_state(const char *name)
{
	int64_t v = abi_enum_or(fix_v2_abi(), "op_mem_state", name, -1);

	assert_true(v >= 0);
	return (uint64_t)v;
}

uint64_t v2_desc_state(uint64_t pa, unsigned int size, uint64_t count, uint64_t state)
{
	return (pa & bits("addr_range_desc", "ADDR").mask) |
	       abi_bits_put(bits("addr_range_desc", "SIZE"), size) |
	       abi_bits_put(bits("addr_range_desc", "COUNT"), count) |
	       abi_bits_put(bits("addr_range_desc", "STATE"), state);
}

uint64_t v2_desc_state_of(uint64_t desc)
{
	return abi_bits_get(bits("addr_range_desc", "STATE"), desc);
}

uint64_t v2_on_failure(const char *cmd, const char *result, uint64_t x0, uint64_t value)
{
	const struct abi_command *c = abi_command_by_name(fix_v2_abi(), ABI_RMI, cmd);
	int i = c ? abi_result_index(c, result) : -1;

	assert_true(i >= 0);
	for (unsigned int k = 0; k < c->non_failure; k++) {
		const struct abi_on_failure *o = &c->on_failure[k];

		if (o->result == (unsigned int)i &&
		    (!o->status || (uint64_t)o->status_value == (x0 & 0xff)))
			return value;
	}
	return 0;
}

uint64_t v2_unmap_next(const char *cmd, uint64_t ipa, uint64_t x0, uint64_t x1)
{
	uint64_t size;

	if (!(x0 & 0xff) || v2_on_failure(cmd, "top", x0, 1))
		return x1;
	size = level_size((int)((x0 >> 8) & 0xff));
	return (ipa + size) & ~(size - 1);
}

bool v2_unmap_skips_unmapped(const char *cmd)
{
	return !v2_on_failure(cmd, "top", RMI_STATUS_ERROR_RTT, 1);
}

uint64_t v2_unmap_nothing_x0(const char *cmd, int level)
{
	return v2_unmap_skips_unmapped(cmd) ? 0 : RMI_STATUS_ERROR_RTT | (uint64_t)level << 8;
}

static const struct abi_command *psci_complete_cmd(void)
{
	const struct abi_command *c = abi_command_by_name(fix_v2_abi(), ABI_RMI, "PSCI_COMPLETE");

	assert_non_null(c);
	return c;
}

bool v2_psci_has_target(void)
{
	return abi_arg_index(psci_complete_cmd(), "target_rec") >= 0;
}

void v2_psci_args(uint64_t calling, uint64_t target, uint64_t status, uint64_t a[3])
{
	const struct abi_command *c = psci_complete_cmd();
	int t = abi_arg_index(c, "target_rec");

	a[0] = a[1] = a[2] = 0;
	a[abi_arg_index(c, "calling_rec")] = calling;
	if (t >= 0)
		a[t] = target;
	a[abi_arg_index(c, "status")] = status;
}

uint64_t v2_desc_sized(uint64_t pa, unsigned int size, uint64_t count, bool undelegated)
{
	return v2_desc_state(pa, size, count, v2_mem_state(undelegated ? "UNDELEGATED" : "DELEGATED"));
}

uint64_t v2_donate_req(unsigned int size, uint64_t count, bool contig, uint64_t state)
{
	return abi_bits_put(bits("donate_request", "size"), size) |
	       abi_bits_put(bits("donate_request", "count"), count) |
	       abi_bits_put(bits("donate_request", "contig"), contig) |
	       abi_bits_put(bits("donate_request", "state"), state);
}

uint64_t v2_desc(uint64_t pa, uint64_t count, bool undelegated)
{
	return v2_desc_sized(pa, V2(BLOCK_SIZE_L3), count, undelegated);
}

uint64_t v2_list(struct fix *f, const uint64_t *desc, unsigned int n)
{
	uint64_t pa = fix_alloc(f);

	memcpy(pmem_host_ptr(f->pm, pa), desc, n * sizeof(uint64_t));
	return pa;
}

uint64_t v2_delegated_run(struct fix *f, unsigned int n)
{
	uint64_t first = fix_alloc(f);
	struct smc_regs r;

	for (unsigned int i = 1; i < n; i++)
		fix_alloc(f);
	assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_DELEGATE, first, first + n * GRAN, 0, 0, 0,
			    &r), 0);
	assert_int_equal(r.x[1], first + n * GRAN);
	return first;
}

uint64_t v2_rec_params(struct fix *f, uint64_t flags, uint64_t mpidr, uint64_t pc,
		       const uint64_t *gprs)
{
	uint64_t pa = fix_alloc(f);
	struct rmi_v2_rec_params *p = pmem_host_ptr(f->pm, pa);

	p->flags = flags;
	p->mpidr = mpidr;
	p->pc = pc;
	if (gprs)
		memcpy(p->gprs, gprs, sizeof(p->gprs));
	return pa;
}

void v2_undelegate(struct fix *f, uint64_t base, uint64_t top)
{
	struct smc_regs r;

	while (base < top) {
		assert_rmi(fix_call(f, RMI_FID_GRANULE_RANGE_UNDELEGATE, base, top, 0, 0, 0, &r), 0);
		assert_true(r.x[1] > base);
		base = r.x[1];
	}
}

uint64_t v2_drive(struct fix *f, uint64_t h, uint64_t x0, uint64_t req)
{
	return v2_drive_regs(f, h, x0, req, NULL);
}

uint64_t v2_drive_regs(struct fix *f, uint64_t h, uint64_t x0, uint64_t req,
		       struct smc_regs *out)
{
	uint64_t list = fix_alloc(f);
	struct smc_regs r = { 0 };

	for (int steps = 0; X0_STATUS(x0) == V2(STATUS_INCOMPLETE); steps++) {
		assert_true(steps < 64);
		switch (X0_MEMREQ(x0)) {
		case V2(MEM_REQ_DONATE): {
			uint64_t n = DONATE_COUNT(req), d = v2_delegated_run(f, (unsigned int)n);
			uint64_t *l = pmem_host_ptr(f->pm, list);

			l[0] = v2_desc(d, n, false);
			x0 = rc(f, RMI_FID_OP_MEM_DONATE, h, list, 1, 0, 0, &r);
			req = r.x[2];
			break;
		}
		case V2(MEM_REQ_RECLAIM): {
			const uint64_t *l = pmem_host_ptr(f->pm, list);

			x0 = rc(f, RMI_FID_OP_MEM_RECLAIM, h, list, 512, 0, 0, &r);
			for (uint64_t i = 0; X0_STATUS(x0) == V2(STATUS_INCOMPLETE) && i < r.x[1]; i++) {
				uint64_t pa = l[i] & V2(ADDR_RANGE_DESC_ADDR_MASK);
				uint64_t n = (l[i] & V2(ADDR_RANGE_DESC_COUNT_MASK)) >>
					     V2(ADDR_RANGE_DESC_COUNT_SHIFT);

				v2_undelegate(f, pa, pa + n * GRAN);
			}
			break;
		}
		default:
			x0 = rc(f, RMI_FID_OP_CONTINUE, h, 0, 0, 0, 0, &r);
			req = r.x[2];
			break;
		}
	}
	if (out)
		*out = r;
	return x0;
}

uint64_t v2_rec_create(struct fix *f, uint64_t params, uint64_t *rec)
{
	struct smc_regs r;
	uint64_t x0;

	*rec = fix_alloc_delegated(f);
	x0 = rc(f, RMI_FID_REC_CREATE, f->rd, *rec, params, 0, 0, &r);
	if (X0_STATUS(x0) != V2(STATUS_INCOMPLETE))
		return x0;
	assert_int_equal(X0_MEMREQ(x0), V2(MEM_REQ_DONATE));
	return v2_drive(f, r.x[1], x0, r.x[2]);
}

uint64_t v2_rec_destroy(struct fix *f, uint64_t rec)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, RMI_FID_REC_DESTROY, rec, 0, 0, 0, 0, &r);

	if (X0_STATUS(x0) != V2(STATUS_INCOMPLETE))
		return x0;
	return v2_drive(f, r.x[1], x0, r.x[2]);
}

uint64_t v2_op(struct fix *f, uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
	       struct smc_regs *out)
{
	struct smc_regs r;
	uint64_t x0 = rc(f, fid, a1, a2, a3, 0, 0, &r);

	if (X0_STATUS(x0) == V2(STATUS_INCOMPLETE))
		x0 = v2_drive_regs(f, r.x[1], x0, r.x[2], &r);
	if (out)
		*out = r;
	return x0;
}
