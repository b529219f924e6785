/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.handler.annotation.SendTo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners that feed listeners of the same application stop upstream first, so an
 * in-application pipeline drains when the application stops; a phase orders what the
 * starter cannot see.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ListenerStopOrderIntegrationTests {

	@Test
	void aPipelineOfPullersDrainsWhenTheApplicationStops(CapturedOutput output) throws Exception {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.work.addresses=" + ZmqTestSupport.inproc("work"),
					"zmq.endpoints.results.addresses=" + ZmqTestSupport.inproc("results"),
					"zmq.listener.shutdown-timeout=5s")
			.withBean(Pipeline.class)
			.run((context) -> {
				Pipeline pipeline = context.getBean(Pipeline.class);
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < 200; i++) {
					template.push("work", "task-" + i);
				}
				await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.handled.get() >= 20);
				long start = System.nanoTime();
				CompletableFuture
					.runAsync(() -> ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close())
					.get(20, TimeUnit.SECONDS);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stop time")
					.isLessThan(Duration.ofSeconds(4));
				assertThat(pipeline.results).as("every result of a handled task reached the sink")
					.hasSize(pipeline.handled.get());
				assertThat(output.getAll()).doesNotContain("could not send its result onward");
			});
	}

	@Test
	void listenersStopInTheOrderOfTheirFeedsAndPhases() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.work.addresses=" + ZmqTestSupport.inproc("work"),
					"zmq.endpoints.results.addresses=" + ZmqTestSupport.inproc("results"),
					"zmq.endpoints.side.addresses=" + ZmqTestSupport.inproc("side"))
			.withBean(Pipeline.class)
			.withBean(Side.class)
			.run((context) -> {
				ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
				List<String> stopped = new CopyOnWriteArrayList<>();
				context.getSourceApplicationContext()
					.addApplicationListener(
							(org.springframework.context.ApplicationListener<io.github.zmqspring.event.ZmqListenerStoppedEvent>) (
									event) -> stopped.add(event.getListenerId()));
				registry.stop();
				// the side listener's phase is higher, then the pipeline's upstream stage
				assertThat(stopped).containsExactly("side", "stage1", "stage2");
			});
	}

	static class Pipeline {

		final AtomicInteger handled = new AtomicInteger();

		final List<String> results = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "work", id = "stage1")
		@SendTo("results")
		String stage1(String task) {
			// some work per task, so the stop finds tasks waiting
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
			this.handled.incrementAndGet();
			return task + "-done";
		}

		@ZmqPuller(value = "results", id = "stage2")
		void stage2(String result) {
			this.results.add(result);
		}

	}

	static class Side {

		@ZmqPuller(value = "side", id = "side", phase = "10")
		void side(String message) {
		}

	}

}
