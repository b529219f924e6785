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

package io.github.zmqspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.proxy.ZmqInvalidProxyException;
import io.github.zmqspring.proxy.ZmqProxyDefinition;
import io.github.zmqspring.proxy.ZmqProxyType;

/**
 * One proxy (device), under {@code zmq.proxies.<name>}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqProxyProperties {

	/**
	 * Device type: queue (ROUTER front end, DEALER back end) for request-reply, forwarder
	 * (XSUB front end, XPUB back end) for publish-subscribe, or streamer (PULL front end,
	 * PUSH back end) for pipelines. Required.
	 */
	private @Nullable ZmqProxyType type;

	/**
	 * Front-end addresses (where clients, publishers or pushers connect), comma-separated
	 * or a list: a bare address or "@tcp://*:5559" binds, ">tcp://host:5559" connects. Or
	 * the name of an endpoint under zmq.endpoints, whose socket options then apply.
	 * Required.
	 */
	private List<String> frontend = new ArrayList<>();

	/**
	 * Back-end addresses (where servers, subscribers or pullers connect), written like
	 * the front end; a bare address binds. Required.
	 */
	private List<String> backend = new ArrayList<>();

	/**
	 * Whether the proxy starts with the application; when false, start it through
	 * ZmqProxyRegistry.start(name).
	 */
	private boolean autoStartup = true;

	public @Nullable ZmqProxyType getType() {
		return this.type;
	}

	public void setType(@Nullable ZmqProxyType type) {
		this.type = type;
	}

	public List<String> getFrontend() {
		return this.frontend;
	}

	public void setFrontend(List<String> frontend) {
		this.frontend = frontend;
	}

	public List<String> getBackend() {
		return this.backend;
	}

	public void setBackend(List<String> backend) {
		this.backend = backend;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	ZmqProxyDefinition toDefinition(String name) {
		String prefix = "zmq.proxies." + name + ".";
		if (this.type == null) {
			throw new ZmqInvalidProxyException(name, prefix + "type", "is not set",
					"Set " + prefix + "type to queue (ROUTER/DEALER, request-reply), forwarder (XSUB/XPUB, "
							+ "publish-subscribe) or streamer (PULL/PUSH, pipeline).");
		}
		String frontend = join(this.frontend);
		if (frontend.isEmpty()) {
			throw new ZmqInvalidProxyException(name, prefix + "frontend", "is not set", "Set " + prefix
					+ "frontend to the address clients use, for example \"@tcp://*:5559\", or to the name of an "
					+ "endpoint under zmq.endpoints.");
		}
		String backend = join(this.backend);
		if (backend.isEmpty()) {
			throw new ZmqInvalidProxyException(name, prefix + "backend", "is not set",
					"Set " + prefix
							+ "backend to the address servers or workers connect to, for example \"@tcp://*:5560\", or "
							+ "to the name of an endpoint under zmq.endpoints.");
		}
		return new ZmqProxyDefinition(name, this.type, frontend, backend, this.autoStartup);
	}

	private static String join(List<String> addresses) {
		return String.join(",", addresses.stream().map(String::trim).filter((a) -> !a.isEmpty()).toList());
	}

}
