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

package io.github.zmqspring.load;

import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqSubscriber;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * A worker or a subscriber in its own JVM, so that a test can kill it (SIGKILL) and start
 * another. Arguments: {@code --spring.profiles.active=worker|subscriber} and
 * {@code --load.address=tcp://127.0.0.1:<port>}. Prints {@code READY} once listening and
 * {@code GOT <payload>} for every message.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ListenerProcess {

	public static void main(String[] args) {
		SpringApplication.run(ListenerProcess.class, args);
	}

	@Bean
	@Profile("worker")
	Worker worker() {
		return new Worker();
	}

	@Bean
	@Profile("subscriber")
	Subscriber subscriber() {
		return new Subscriber();
	}

	@Bean
	ApplicationRunner announceReady() {
		return (args) -> System.out.println("READY");
	}

	static class Worker {

		@ZmqPuller(value = ">${load.address}", id = "worker")
		void work(String task) {
			System.out.println("GOT " + task);
		}

	}

	static class Subscriber {

		@ZmqSubscriber(value = ">${load.address}", id = "subscriber", topics = "load")
		void onMessage(String message) {
			System.out.println("GOT " + message);
		}

	}

}
