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

import io.github.zmqspring.core.ZmqInvalidEndpointException;

/**
 * Explains an endpoint that is not configured, malformed or unsupported, naming the
 * listener method that declared it and what to change.
 *
 * @author zmq-spring contributors
 */
class ZmqInvalidEndpointFailureAnalyzer extends AbstractFailureAnalyzer<ZmqInvalidEndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZmqInvalidEndpointException cause) {
		ZmqInvalidEndpointException outermost = findOutermost(rootFailure, cause);
		String source = (outermost.getSource() != null) ? outermost.getSource() : "A ZeroMQ socket";
		String description = source + " uses the endpoint '" + outermost.getEndpoint() + "', which is invalid: "
				+ outermost.getReason() + ".";
		return new FailureAnalysis(description, outermost.getAction(), cause);
	}

	private static ZmqInvalidEndpointException findOutermost(Throwable root, ZmqInvalidEndpointException fallback) {
		Throwable candidate = root;
		while (candidate != null) {
			if (candidate instanceof ZmqInvalidEndpointException found) {
				return found;
			}
			candidate = candidate.getCause();
		}
		return fallback;
	}

}
