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

import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A replier server in its own JVM, so that a test can kill it (SIGKILL) and start a new
 * one on the same address. Arguments: {@code --load.address=tcp://127.0.0.1:<port>} and
 * {@code --load.name=<server name>}; prints {@code READY} once listening.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ReplierProcess {

	public static void main(String[] args) {
		SpringApplication.run(ReplierProcess.class, args);
	}

	@Bean
	Server server() {
		return new Server();
	}

	@Bean
	ApplicationRunner announceReady() {
		return (args) -> System.out.println("READY");
	}

	static class Server {

		@Value("${load.name}")
		private String name;

		@ZmqReplier(value = "@${load.address}", id = "server")
		String handle(String request) {
			return request + "@" + this.name;
		}

	}

}
