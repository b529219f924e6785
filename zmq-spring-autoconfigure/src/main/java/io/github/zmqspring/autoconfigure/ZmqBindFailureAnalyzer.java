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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.zmqspring.core.ZmqBindException;

/**
 * Explains a socket that could not bind (typically: the address is already in use),
 * naming the listener method or proxy, the address and, when known, the property to
 * change.
 *
 * @author zmq-spring contributors
 */
class ZmqBindFailureAnalyzer extends AbstractFailureAnalyzer<ZmqBindException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZmqBindException cause) {
		String description = cause.getMessage() + ".";
		String action;
		if (cause.isAddressInUse() && cause.getSetting() != null) {
			action = "Stop the process that is using " + cause.getAddress() + ", or change the address in "
					+ cause.getSetting() + "; in tests, bind tcp://127.0.0.1:* to get a free port.";
		}
		else if (cause.isAddressInUse()) {
			action = "Stop the process that is using " + cause.getAddress() + ", or give this listener another "
					+ "address (the annotation's endpoint, or zmq.endpoints.<name>.addresses); in tests, bind "
					+ "tcp://127.0.0.1:* to get a free port.";
		}
		else if (cause.isBind()) {
			action = "Bind an address of this host, such as tcp://*:5555, tcp://127.0.0.1:5555 or inproc://name"
					+ ((cause.getSetting() != null) ? ", in " + cause.getSetting() : "") + ".";
		}
		else {
			action = "Check the address" + ((cause.getSetting() != null) ? " in " + cause.getSetting() : "")
					+ ": connect addresses look like tcp://host:5555 or inproc://name.";
		}
		return new FailureAnalysis(description, action, cause);
	}

}
