package com.example.zmq.pipeline;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the pipeline on in-process addresses (no ports): every pushed task produced a
 * result at the sink, and the work was shared among the worker threads.
 */
@SpringBootTest(properties = { "zmq.endpoints.tasks.addresses=inproc://pipeline-tasks",
		"zmq.endpoints.results.addresses=inproc://pipeline-results" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class PipelineApplicationTests {

	@Autowired
	private Sink sink;

	@Test
	void everyTaskArrivedAtTheSink(CapturedOutput output) {
		assertThat(this.sink.allArrived.getCount()).isZero();
		assertThat(this.sink.received.get()).isEqualTo(Demo.TASKS);
		assertThat(this.sink.perWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(Demo.TASKS);
		assertThat(this.sink.perWorker.keySet()).allMatch((worker) -> worker.startsWith("zmq-workers.work-"));
		assertThat(output).contains("[ventilator] pushed " + Demo.TASKS + " tasks")
			.contains(
					"[sink] " + Demo.TASKS + " of " + Demo.TASKS + " results arrived; per worker: {zmq-workers.work-");
	}

}
