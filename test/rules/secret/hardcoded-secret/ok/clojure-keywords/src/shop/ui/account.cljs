(ns shop.ui.account
  (:require
   [shop.ui.account.password :refer [password-form*]]
   [shop.ui.account.api-token :refer [api-token-list*]]
   [shop.store :as st]))

(def ^:private storage-key :shop.ui.account/last-tab)

(defmulti handle-token :kind)

(defmethod handle-token :default
  [_token]
  (st/emit! (st/nav :login)))
