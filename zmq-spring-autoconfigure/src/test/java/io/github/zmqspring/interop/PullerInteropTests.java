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

package io.github.zmqspring.interop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pyzmq (libzmq) PUSH socket sending JSON to a {@code @ZmqPuller} method.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PullerInteropTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withBean(Worker.class)
		.withPropertyValues("zmq.endpoints.tasks.addresses=@tcp://127.0.0.1:*");

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void pyzmqSendJsonIsConvertedToRecord() {
		this.contextRunner.run((context) -> {
			Worker worker = context.getBean(Worker.class);
			try (PythonPeer pusher = PythonPeer.start("pusher.py", PythonPeer.boundAddress(context, "tasks"),
					"{\"name\": \"resize\", \"priority\": 7, \"tags\": [\"image\", \"fast\"]}",
					"{\"name\": \"ünïcode\", \"priority\": -1, \"tags\": []}")) {
				assertThat(pusher.nextJson().get("sent").asInt()).isEqualTo(2);
				await().atMost(Duration.ofSeconds(10)).until(() -> worker.tasks.size() == 2);
				assertThat(worker.tasks).containsExactly(new Task("resize", 7, List.of("image", "fast")),
						new Task("ünïcode", -1, List.of()));
				assertThat(pusher.waitForExit(Duration.ofSeconds(5))).isZero();
			}
		});
	}

	record Task(String name, int priority, List<String> tags) {
	}

	static class Worker {

		final List<Task> tasks = new CopyOnWriteArrayList<>();

		@ZmqPuller(value = "tasks", id = "tasks")
		void onTask(Task task) {
			this.tasks.add(task);
		}

	}

}
