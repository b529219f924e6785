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
package io.github.zmqspring.proxy;

/**
 * One proxy as configured under {@code zmq.proxies.<name>}.
 *
 * @param name the proxy name, also the thread name's suffix ({@code zmq-proxy-<name>})
 * @param type the device type
 * @param frontend addresses in CZMQ notation (comma-separated; a bare address binds) or
 * the name of an endpoint under {@code zmq.endpoints}
 * @param backend the back end, written like the front end
 * @param autoStartup whether the proxy starts with the application context
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqProxyDefinition(String name, ZmqProxyType type, String frontend, String backend, boolean autoStartup) {

	/**
	 * Return the configuration property prefix of this proxy.
	 * @return for example {@code zmq.proxies.broker}
	 */
	public String propertyPrefix() {
		return "zmq.proxies." + this.name;
	}

}
