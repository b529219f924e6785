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

package io.github.zmqspring.hostile;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.health.ZmqHealthIndicator;
import io.github.zmqspring.listener.ZmqListenerContainer;
import io.github.zmqspring.proxy.ZmqProxy;
import io.github.zmqspring.proxy.ZmqProxyRegistry;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application the hostile-peer tests attack, run in its own JVM with a small fixed
 * heap by {@link HostilePeersProcessTests}: repliers with one and four threads (String
 * and JSON), a puller, a subscriber bound for publishers to connect to, and a queue proxy
 * with no backend. It prints {@code BOUND <id> <address>} for each socket, then
 * {@code READY}; on the line {@code STATUS} on its standard input it prints
 * {@code STATUS heap=<bytes used after a GC> fds=<open descriptors> health=<status>
 * dropped=<connections the receive guard dropped>}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HostileTargetApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(HostileTargetApplication.class, args);
		Thread control = new Thread(() -> serveCommands(context), "test-control");
		control.setDaemon(true);
		control.start();
	}

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	@Bean
	ApplicationRunner printBoundAddresses(ZmqListenerEndpointRegistry listeners, ZmqProxyRegistry proxies) {
		return (args) -> {
			for (ZmqListenerContainer container : listeners.getListenerContainers()) {
				System.out.println("BOUND " + container.getListenerId() + " " + container.getBoundAddresses().get(0));
			}
			for (ZmqProxy proxy : proxies.getProxies()) {
				System.out
					.println("BOUND " + proxy.getName() + "-frontend " + proxy.getFrontendBoundAddresses().get(0));
			}
			System.out.println("READY");
		};
	}

	private static void serveCommands(ConfigurableApplicationContext context) {
		try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			String command;
			while ((command = commands.readLine()) != null) {
				if (command.equals("STATUS")) {
					System.out.println(status(context));
				}
			}
		}
		catch (Exception ex) {
			System.out.println("CONTROL FAILED " + ex);
		}
	}

	private static String status(ConfigurableApplicationContext context) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		long heap = memory.getHeapMemoryUsage().getUsed();
		String[] fds = new File("/proc/self/fd").list();
		Health health = context.getBean(ZmqHealthIndicator.class).health();
		Map<?, ?> receive = (Map<?, ?>) ((Map<?, ?>) health.getDetails().get("context")).get("receive");
		return "STATUS heap=" + heap + " fds=" + ((fds != null) ? fds.length : -1) + " health="
				+ health.getStatus().getCode() + " dropped=" + receive.get("droppedConnections");
	}

	/**
	 * The listeners under attack.
	 */
	public static class Handlers {

		final AtomicLong pulled = new AtomicLong();

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "echo1")
		String echo(String request) {
			return request;
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "json4", concurrency = "4")
		Map<String, Object> json(Map<String, Object> request) {
			return request;
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "pull")
		void pull(byte[] task) {
			this.pulled.incrementAndGet();
		}

		@ZmqSubscriber(value = "@tcp://127.0.0.1:*", id = "sub")
		void subscribe(byte[] message) {
		}

	}

}
