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

import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application whose only work is one replier, started as a separate JVM by
 * {@link ListenerApplicationProcessTests}. It prints the bound address, then lets
 * {@code main} return: only the listener thread keeps the JVM alive.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ListenerOnlyApplication {

	public static void main(String[] args) {
		SpringApplication.run(ListenerOnlyApplication.class, args);
		System.out.println("MAIN RETURNED");
	}

	@Bean
	Greeter greeter() {
		return new Greeter();
	}

	@Bean
	ApplicationRunner printBoundAddress(ZmqListenerEndpointRegistry registry) {
		return (args) -> System.out
			.println("BOUND " + registry.getListenerContainer("greeter").getBoundAddresses().get(0));
	}

	static class Greeter {

		@ZmqReplier(value = "tcp://127.0.0.1:*", id = "greeter")
		String hello(String name) {
			return "Hello " + name;
		}

	}

}
