(ns shop.rpc.tokens
  (:require [shop.tokens :as tokens]))

(defmethod process-token :default
  [_ _ _]
  (throw (ex-info "unknown token" {:type :validation :code :invalid-token})))

(defn verify [cfg {:keys [secret-key token]}]
  (tokens/verify cfg {:secret-key secret-key :token token :iss :verify-email}))
