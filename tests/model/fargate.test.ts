import { strict as assert } from "assert";
import { fargateSizeProblem, parseTaskCpu, parseTaskMemory } from "../../model/fargate";

describe("Fargate sizes", () => {
  it("reads a task size as ECS does: whole units, or vCPU / GB rounded to units", () => {
    assert.equal(parseTaskCpu("1024"), 1024);
    assert.equal(parseTaskCpu(512), 512);
    assert.equal(parseTaskCpu(" 2 vCPU "), 2048);
    assert.equal(parseTaskCpu("0.25 vcpu"), 256);
    assert.equal(parseTaskMemory("2 GB"), 2048);
    assert.equal(parseTaskMemory("0.5GB"), 512);
    assert.equal(parseTaskMemory("3072"), 3072);
  });

  it("refuses what ECS would not read", () => {
    for (const bad of ["1024.5", "1.5", "", "two vCPU", "1 vCPUs", "-512"]) {
      assert.equal(parseTaskCpu(bad), undefined, bad);
    }
    assert.equal(parseTaskCpu(1.5), undefined);
    assert.equal(parseTaskMemory("2 GiB"), undefined);
    assert.equal(parseTaskMemory(undefined), undefined);
  });

  it("names what would be valid for a pair Fargate does not offer", () => {
    assert.equal(fargateSizeProblem(1024, 2048), undefined);
    assert.equal(
      fargateSizeProblem(256, 4096),
      "memory 4096 MiB is not offered with CPU 256; valid memory is 512, 1024, 2048 MiB",
    );
  });
});
